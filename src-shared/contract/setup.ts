import { z } from 'zod'
import { operation } from './operation'
import { emptyInput, passwordSchema, text, usernameSchema } from './common'
import { shopProfileSchema } from './settings'
import type { SignInResult } from './auth'

export const firstAdminSchema = z.object({
  username: usernameSchema,
  displayName: text(50),
  password: passwordSchema
})

export const setupContract = {
  /** Public: tells the first screen whether to show setup or sign-in, and whose shop this is. */
  'setup.status': operation<{ initialized: boolean; shopName: string | null }>()(emptyInput),
  /** Only on an empty database: creates the shop profile and the first administrator, signed in. */
  'setup.initialize': operation<SignInResult>()(z.object({ shop: shopProfileSchema, admin: firstAdminSchema }).strict())
}
