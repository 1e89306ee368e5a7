import type { Role } from '../../../src-shared/domain/roles'

export interface UsersTable {
  id: string
  username: string
  displayName: string
  phone: string
  role: Role
  passwordHash: string
  disabled: number
  failedSignIns: number
  lockedUntil: string | null
  lastSignInAt: string | null
  passwordChangedAt: string
  createdAt: string
  updatedAt: string
}

export interface RolesTable {
  code: Role
  sortOrder: number
}

export interface AuthTables {
  users: UsersTable
  roles: RolesTable
}
