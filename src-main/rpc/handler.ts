import type { OperationName, Output, ParsedInput, CurrentUser } from '../../src-shared/contract'
import { AppError } from '../../src-shared/contract'
import type { AppContext } from '../app/context'
import type { Session } from '../features/auth/sessions'
import type { CallSource } from './callSource'

/** What a handler knows about the caller; `user` is null only for public operations. */
export interface CallContext {
  app: AppContext
  session: Session | null
  user: CurrentUser | null
  now: Date
  /** Where the call came from, as the host saw it (sign-in throttles per source). */
  source: CallSource
}

export type Handler<K extends OperationName> = (ctx: CallContext, input: ParsedInput<K>) => Promise<Output<K>>

export type HandlerTable = { [K in OperationName]: Handler<K> }

/** The handlers of one feature, e.g. `HandlersOf<'users'>` for every `users.*` operation. */
export type HandlersOf<Feature extends string> = Pick<HandlerTable, Extract<OperationName, `${Feature}.${string}`>>

export function signedInUser(ctx: CallContext): CurrentUser {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED')
  return ctx.user
}

export function currentSession(ctx: CallContext): Session {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED')
  return ctx.session
}
