import { z } from 'zod'
import { operation } from './operation'
import { id, optionalText, pageInput, passwordSchema, roleSchema, text, usernameSchema, type Page } from './common'
import type { Role } from '../domain/roles'

export interface UserSummary {
  id: string
  username: string
  displayName: string
  phone: string
  role: Role
  disabled: boolean
  /** Set while the account is locked out after wrong passwords. */
  lockedUntil: string | null
  lastSignInAt: string | null
  createdAt: string
}

export const usersContract = {
  'users.list': operation<Page<UserSummary>>()(
    z
      .object({
        search: z.string().trim().max(50).default(''),
        role: roleSchema.optional(),
        includeDisabled: z.boolean().default(true),
        ...pageInput
      })
      .strict()
  ),
  'users.create': operation<UserSummary>()(
    z
      .object({
        username: usernameSchema,
        displayName: text(50),
        phone: optionalText(40),
        role: roleSchema,
        password: passwordSchema
      })
      .strict()
  ),
  'users.update': operation<UserSummary>()(
    z.object({ id, displayName: text(50), phone: optionalText(40), role: roleSchema }).strict()
  ),
  'users.setDisabled': operation<UserSummary>()(z.object({ id, disabled: z.boolean() }).strict()),
  /** Sets a new password chosen by the admin and clears any lock-out. */
  'users.resetPassword': operation<UserSummary>()(z.object({ id, newPassword: passwordSchema }).strict())
}
