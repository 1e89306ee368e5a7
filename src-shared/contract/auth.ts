import { z } from 'zod'
import { operation } from './operation'
import { emptyInput, passwordSchema } from './common'
import type { Role } from '../domain/roles'
import type { ShopProfile } from './settings'

export interface CurrentUser {
  id: string
  username: string
  displayName: string
  role: Role
}

export interface SessionInfo {
  user: CurrentUser
  shop: Pick<ShopProfile, 'name' | 'logo' | 'timeZone'>
  idleLockMinutes: number
  locked: boolean
}

export interface SignInResult extends SessionInfo {
  token: string
}

export const authContract = {
  'auth.signIn': operation<SignInResult>()(
    z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }).strict()
  ),
  'auth.signOut': operation<null>()(emptyInput),
  'auth.session': operation<SessionInfo>()(emptyInput),
  'auth.lock': operation<null>()(emptyInput),
  'auth.unlock': operation<SessionInfo>()(z.object({ password: z.string().min(1).max(128) }).strict()),
  'auth.changePassword': operation<null>()(
    z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema }).strict()
  )
}
