import type { z } from 'zod'
import { enrolRequest, pullRequest, type HqResult } from '../src-shared/hq/protocol'
import { hqStaffContract, type HqStaffOperation } from './contract'
import type { HqContext } from './context'
import { answer, HqError, type HqAnswer } from './errors'
import { hqStaffHandlers } from './handlers'
import { authenticateShop, enrolShop } from './shops/service'
import { staffOfToken } from './staff/service'
import { applyPush, parsePushRequest } from './sync/push'
import { pullChanges } from './sync/pull'

const logUnexpected = (error: unknown) => console.error('[hq]', error)

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new HqError('VALIDATION', 'hqErrors.VALIDATION', { field: issue?.path.join('.') ?? '' })
  }
  return parsed.data
}

export const SHOP_CALLS = ['enrol', 'push', 'pull'] as const
export type ShopCall = (typeof SHOP_CALLS)[number]

/**
 * A shop's call (`POST /hq/<name>`): every one but `enrol` carries the shop key, and reads and
 * writes only that shop's rows and the brand's shared ones.
 */
export function dispatchShopCall(
  hq: HqContext,
  name: ShopCall,
  authorization: string | undefined,
  body: unknown
): Promise<HqResult<unknown>> {
  return answer(async () => {
    if (name === 'enrol') return enrolShop(hq, parse(enrolRequest, body))
    const shop = await authenticateShop(hq, authorization)
    if (name === 'push') return applyPush(hq, shop.id, parsePushRequest(body))
    return pullChanges(hq, shop.id, parse(pullRequest, body))
  }, logUnexpected) as Promise<HqResult<unknown>>
}

/** A staff call (`POST /api/<operation>`): session, role, input, then the handler. */
export function dispatchStaffCall(
  hq: HqContext,
  fingerprint: string,
  operation: string,
  token: string | undefined,
  body: unknown
): Promise<HqAnswer<unknown>> {
  return answer(async () => {
    if (!Object.hasOwn(hqStaffContract, operation)) throw new HqError('NOT_FOUND')
    const name = operation as HqStaffOperation
    const entry = hqStaffContract[name]
    const staff = entry.roles === 'signedOut' ? null : await staffOfToken(hq, token)
    if (staff && entry.roles !== 'signedOut' && !entry.roles.includes(staff.role)) throw new HqError('FORBIDDEN')
    const input = parse(entry.input, body ?? {})
    const handler = hqStaffHandlers[name] as (call: unknown, input: unknown) => Promise<unknown>
    return handler({ hq, staff, token, fingerprint }, input)
  }, logUnexpected)
}
