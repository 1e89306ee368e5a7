import { z } from 'zod'

/**
 * The wire protocol between a shop server (src-main/features/sync) and HQ (src-hq). Both sides
 * import these schemas, so a change here is a change to both at once. HQ speaks it over HTTPS
 * (its own certificate, pinned by the shop at enrolment) as JSON POSTs to `/hq/<name>`; every
 * call but `enrol` carries `Authorization: ShopKey <key>`. Errors come back as
 * `{ ok: false, error: { code, messageKey, params } }` like the shop's own RPC.
 *
 * Ownership (who wins): HQ owns the registry, policies, catalogue and prices, fault codes,
 * bulletins and every claim decision; the shop owns its work orders, stock, payments and
 * customers. Shops push what they own; they pull what HQ owns.
 */

export const HQ_PROTOCOL_VERSION = 1

// ---- enrolment ------------------------------------------------------------------------------

export const enrolRequest = z.object({
  /** The one-time code an HQ network admin got when registering the shop. */
  code: z.string().trim().min(6).max(32),
  /** What the shop calls itself, for HQ's records. */
  shopName: z.string().trim().min(1).max(100),
  appVersion: z.string().max(40)
})
export const enrolResponse = z.object({
  shopId: z.string(),
  /** Shown once; HQ keeps only its hash. */
  shopKey: z.string().min(32),
  hqName: z.string()
})

// ---- push: the shop's outbox, exactly once ----------------------------------------------------

/** One outbox row as the shop wrote it (sync/outbox.ts), personal data already masked. */
export const pushedChange = z.object({
  /** The outbox row id (a UUIDv7): HQ ignores an id it has applied before. */
  id: z.string().min(1).max(64),
  at: z.string(),
  entity: z.string().min(1).max(64),
  entityId: z.string().min(1).max(128),
  operation: z.enum(['upsert', 'delete']),
  payload: z.unknown()
})
export type PushedChange = z.infer<typeof pushedChange>

export const pushRequest = z.object({
  /** Idempotency key of the batch: a batch HQ has applied is acknowledged again, not re-applied. */
  batchId: z.string().min(1).max(64),
  changes: z.array(pushedChange).min(1).max(5000)
})
export const pushResponse = z.object({
  batchId: z.string(),
  /** Changes applied by this call; 0 when the batch (or every change in it) was applied before. */
  applied: z.number().int().nonnegative(),
  /** True when HQ had applied this batch id before (a retry after a lost acknowledgement). */
  duplicate: z.boolean()
})

// ---- pull: HQ-owned data, by change sequence ----------------------------------------------------

/** Tables every shop of the brand pulls. */
export const SHARED_TABLES = [
  'registryUnits',
  'warrantyPolicies',
  'catalogueParts',
  'faultCodes',
  'serviceBulletins'
] as const
/** Tables HQ keeps per shop and only that shop pulls. */
export const SHOP_TABLES = ['claimDecisions', 'returnBatchStatus'] as const
export const PULLED_TABLES = [...SHARED_TABLES, ...SHOP_TABLES] as const
export type PulledTable = (typeof PULLED_TABLES)[number]

export const pullRequest = z.object({
  table: z.enum(PULLED_TABLES),
  /** The highest sequence number the shop has applied for this table; 0 for none. */
  since: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(20000).default(5000)
})
export const pulledChange = z.object({
  seq: z.number().int().positive(),
  /** The row's natural key (a serial, a part number, a code, an id). */
  key: z.string(),
  operation: z.enum(['upsert', 'delete']),
  /** The row, shaped by the table's schema in `pulledRowSchemas`; null for a delete. */
  row: z.unknown()
})
export const pullResponse = z.object({
  table: z.enum(PULLED_TABLES),
  changes: z.array(pulledChange),
  /** The cursor to send next; equal to `since` when nothing was new. */
  nextCursor: z.number().int().nonnegative(),
  /** Changes after `nextCursor` still waiting (for the progress bar). */
  remaining: z.number().int().nonnegative()
})

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** A unit sold by one of the brand's dealers (the shop's warranty_units, by serial). */
export const registryUnitRow = z.object({
  serial: z.string(),
  brand: z.string(),
  model: z.string(),
  categoryKey: z.string(),
  cardNumber: z.string().nullable(),
  purchaseDate: isoDate.nullable(),
  invoiceNumber: z.string(),
  dealer: z.string(),
  productionDate: isoDate.nullable(),
  buyerName: z.string(),
  buyerPhone: z.string(),
  activationDate: isoDate.nullable()
})

/** A warranty policy; `policy` is the same JSON the shop keeps in warranty_policies.policy_json. */
export const warrantyPolicyRow = z.object({
  id: z.string(),
  categoryKey: z.string().nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  effectiveFrom: isoDate,
  policy: z.unknown(),
  note: z.string()
})

/** A part of the brand's catalogue with the brand's prices (integer fen). */
export const cataloguePartRow = z.object({
  partNumber: z.string(),
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  /** What the brand pays the shop for the part on an approved claim. */
  claimPriceFen: z.number().int().nonnegative(),
  /** The brand's recommended retail price. */
  retailPriceFen: z.number().int().nonnegative(),
  returnFaulty: z.boolean(),
  serialTracked: z.boolean()
})

/** A fault code of the brand's list (the shop's code_entries, list 'faultCause' or 'faultLocation'). */
export const faultCodeRow = z.object({
  list: z.string(),
  code: z.string(),
  label: z.string(),
  active: z.boolean(),
  component: z.string().nullable(),
  voidsWarranty: z.string().nullable()
})

export const serviceBulletinRow = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** Models it applies to, as "brand model"; empty: every model. */
  models: z.array(z.string()),
  publishedAt: z.string()
})

/** HQ's decision on one of this shop's warranty claims (the shop's warranty_claims.id). */
export const claimDecisionRow = z.object({
  claimId: z.string(),
  status: z.enum(['approved', 'rejected', 'moreInfo']),
  reason: z.string(),
  approvedFen: z.number().int().nonnegative(),
  decidedAt: z.string(),
  /**
   * What the brand paid on the approved claim, with its payment reference; null until paid (and
   * from an HQ before payments). Any number here: the shop checks it row by row and sets a wrong
   * one aside (checkout/claims/hqDecisions.ts), rather than refusing the whole page it came in.
   */
  paidFen: z.number().nullable().default(null),
  paidReference: z.string().default(''),
  paidAt: z.string().nullable().default(null)
})

/** HQ's receipt of one of this shop's faulty-part return batches (the shop's return_batches.id). */
export const returnBatchStatusRow = z.object({
  batchId: z.string(),
  status: z.enum(['received', 'credited']),
  creditedFen: z.number().int().nonnegative(),
  creditReference: z.string(),
  at: z.string()
})

export const pulledRowSchemas = {
  registryUnits: registryUnitRow,
  warrantyPolicies: warrantyPolicyRow,
  catalogueParts: cataloguePartRow,
  faultCodes: faultCodeRow,
  serviceBulletins: serviceBulletinRow,
  claimDecisions: claimDecisionRow,
  returnBatchStatus: returnBatchStatusRow
} as const satisfies Record<PulledTable, z.ZodType>

// ---- errors HQ answers with ---------------------------------------------------------------------

export const HQ_ERROR_CODES = [
  'HQ_KEY_INVALID',
  'HQ_KEY_REVOKED',
  'HQ_ENROL_CODE_INVALID',
  'HQ_ENROL_CODE_EXPIRED',
  'VALIDATION',
  'INTERNAL'
] as const
export type HqErrorCode = (typeof HQ_ERROR_CODES)[number]

export type HqResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: HqErrorCode; messageKey: string; params?: Record<string, unknown> } }
