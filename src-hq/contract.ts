import { z } from 'zod'
import {
  cataloguePartRow,
  faultCodeRow,
  registryUnitRow,
  serviceBulletinRow,
  warrantyPolicyRow
} from '../src-shared/hq/protocol'

/**
 * HQ staff's operations: name -> zod input -> roles allowed. The HTTPS host parses the input and
 * checks the role before the handler runs (dispatch.ts), as the shop's dispatch does. Pure
 * TypeScript, so HQ's web page can import the input types.
 */

export type StaffRoleName = 'networkAdmin' | 'claimsReviewer' | 'analyst'

const ADMIN: readonly StaffRoleName[] = ['networkAdmin']
const REVIEW: readonly StaffRoleName[] = ['networkAdmin', 'claimsReviewer']
const EVERY: readonly StaffRoleName[] = ['networkAdmin', 'claimsReviewer', 'analyst']

const id = z.string().trim().min(1).max(128)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)
const fen = z.number().int().nonnegative().max(100_000_000)
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const page = { limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }

const faultQuery = z.object({
  by: z.enum(['model', 'component', 'faultCode']),
  from: calendarDate,
  to: calendarDate
})

/** A part as an admin types it on the page: the shops' row, with its texts trimmed and bounded. */
const editedCataloguePart = cataloguePartRow.extend({
  partNumber: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(500),
  unit: z.string().trim().max(16),
  claimPriceFen: fen,
  retailPriceFen: fen
})

function op<I extends z.ZodType>(input: I, roles: readonly StaffRoleName[] | 'signedOut') {
  return { input, roles }
}

export const hqStaffContract = {
  'staff.signIn': op(
    z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    'signedOut'
  ),
  'staff.signOut': op(z.object({}), EVERY),
  'staff.me': op(z.object({}), EVERY),
  'staff.create': op(
    z.object({
      username: z.string().trim().min(1).max(64),
      displayName: z.string().trim().min(1).max(100),
      role: z.enum(['networkAdmin', 'claimsReviewer', 'analyst']),
      password: z.string().min(8).max(200)
    }),
    ADMIN
  ),
  'hq.info': op(z.object({}), EVERY),
  'shops.list': op(z.object({}), EVERY),
  'shops.register': op(z.object({ name: z.string().trim().min(1).max(100) }), ADMIN),
  'shops.renewCode': op(z.object({ shopId: id }), ADMIN),
  'shops.revoke': op(z.object({ shopId: id }), ADMIN),
  'seed.registryUnits': op(z.object({ rows: z.array(registryUnitRow).min(1).max(20_000) }), ADMIN),
  'seed.registryCsv': op(z.object({ csv: z.string().min(1).max(20_000_000) }), ADMIN),
  'seed.policies': op(z.object({ rows: z.array(warrantyPolicyRow).min(1).max(5000) }), ADMIN),
  'seed.catalogueParts': op(z.object({ rows: z.array(cataloguePartRow).min(1).max(20_000) }), ADMIN),
  'seed.faultCodes': op(z.object({ rows: z.array(faultCodeRow).min(1).max(5000) }), ADMIN),
  'seed.bulletins': op(z.object({ rows: z.array(serviceBulletinRow).min(1).max(1000) }), ADMIN),
  'seed.labourRates': op(
    z.object({
      rows: z
        .array(z.object({ categoryKey: z.string().trim().min(1).max(64), labourFen: z.number().int().positive() }))
        .min(1)
        .max(1000)
    }),
    ADMIN
  ),
  'labourRates.list': op(z.object({}), EVERY),
  'catalogueParts.list': op(z.object({ query: z.string().trim().max(64).default(''), ...page }), EVERY),
  'catalogueParts.save': op(z.object({ part: editedCataloguePart, adding: z.boolean() }), ADMIN),
  'seed.remove': op(
    z.object({
      table: z.enum(['registryUnits', 'warrantyPolicies', 'catalogueParts', 'faultCodes', 'serviceBulletins']),
      key: id
    }),
    ADMIN
  ),
  'claims.list': op(
    z.object({
      status: z.enum(['pending', 'approved', 'rejected', 'moreInfo']).optional(),
      shopId: id.optional(),
      ...page
    }),
    EVERY
  ),
  'claims.decide': op(
    z.object({
      shopId: id,
      claimId: id,
      decision: z.enum(['approve', 'reject', 'moreInfo']),
      reason: z.string().max(500).default(''),
      // An approval's labour and parts as the reviewer set them; without them, HQ's rates.
      approved: z.object({ labourFen: fen, partsFen: fen }).optional()
    }),
    REVIEW
  ),
  'claims.assess': op(z.object({ shopId: id, claimId: id }), EVERY),
  'claims.pay': op(
    z.object({
      shopId: id,
      claimId: id,
      // Nothing paid on an approved claim is a rejection, recorded as one: a payment is at least one fen.
      paidFen: z.number().int().positive().max(100_000_000),
      paidReference: z.string().trim().min(1).max(64)
    }),
    REVIEW
  ),
  'returns.list': op(z.object({ shopId: id.optional() }), EVERY),
  'returns.receive': op(z.object({ shopId: id, batchId: id }), REVIEW),
  'returns.credit': op(
    z.object({
      shopId: id,
      batchId: id,
      creditedFen: z.number().int().nonnegative(),
      creditReference: z.string().trim().min(1).max(64)
    }),
    REVIEW
  ),
  'settlements.statement': op(z.object({ shopId: id, month }), EVERY),
  'settlements.export': op(z.object({ shopId: id, month }), EVERY),
  'stats.faults': op(faultQuery, EVERY),
  'stats.export': op(faultQuery, EVERY)
} as const

export type HqStaffOperation = keyof typeof hqStaffContract
export type HqStaffInput<O extends HqStaffOperation> = z.infer<(typeof hqStaffContract)[O]['input']>
