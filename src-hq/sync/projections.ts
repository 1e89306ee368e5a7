import { z } from 'zod'
import type { PushedChange } from '../../src-shared/hq/protocol'
import type { HqDb } from '../db/connection'

/** The shop's outbox entities HQ keeps typed copies of, besides the generic shop_records row. */
export const CLAIM_ENTITY = 'warranty_claim'
export const RETURN_BATCH_ENTITY = 'faulty_part_return'

const text = z.string().optional().catch(undefined)

/**
 * What HQ reads from a pushed warranty claim (src-main/features/checkout/claims/open.ts). Only
 * the amount is required; the evidence fields are read where the shop sends them, either flat or
 * grouped as `unit` and `fault`. Anything else in the payload is kept, as sent, in claims.payload.
 */
export const pushedClaim = z
  .object({
    workOrderId: text,
    workOrderNumber: text,
    invoiceNumber: text,
    amountFen: z.number().int(),
    lines: z
      .array(
        z
          .object({
            kind: z.string(),
            description: z.string().default(''),
            quantity: z.number().default(1),
            amountFen: z.number().default(0),
            partNumber: z.string().optional()
          })
          .passthrough()
      )
      .default([]),
    serial: text,
    brand: text,
    model: text,
    categoryKey: text,
    faultCode: text,
    component: text,
    unit: z.object({ serial: text, brand: text, model: text, categoryKey: text }).optional().catch(undefined),
    fault: z.object({ code: text, component: text }).optional().catch(undefined)
  })
  .passthrough()
export type PushedClaim = z.infer<typeof pushedClaim>

const pushedReturnBatch = z
  .object({
    number: z.string().default(''),
    status: z.string().default(''),
    carrier: z.string().default(''),
    trackingNumber: z.string().default(''),
    shippedAt: z.string().nullable().default(null),
    items: z.array(z.unknown()).default([])
  })
  .passthrough()

/**
 * Updates the typed copies from the changes of this batch that won (are now the record's latest
 * state). A claim the reviewer asked more about goes back to the queue when the shop sends it
 * again; a decided claim keeps its decision (HQ owns it) while its evidence is refreshed.
 */
export async function projectChanges(
  trx: HqDb,
  shopId: string,
  fresh: readonly PushedChange[],
  receivedAt: string
): Promise<void> {
  const projected = fresh.filter((change) => change.entity === CLAIM_ENTITY || change.entity === RETURN_BATCH_ENTITY)
  if (projected.length === 0) return
  const winners = await trx
    .selectFrom('shopRecords')
    .select(['entity', 'entityId', 'payload', 'at', 'deleted'])
    .where('shopId', '=', shopId)
    .where(
      'changeId',
      'in',
      projected.map((change) => change.id)
    )
    .execute()
  for (const record of winners) {
    if (record.deleted) continue
    if (record.entity === CLAIM_ENTITY) await projectClaim(trx, shopId, record.entityId, record, receivedAt)
    else await projectReturnBatch(trx, shopId, record.entityId, record.payload, receivedAt)
  }
}

async function projectClaim(
  trx: HqDb,
  shopId: string,
  claimId: string,
  record: { payload: unknown; at: Date },
  receivedAt: string
): Promise<void> {
  const parsed = pushedClaim.safeParse(record.payload)
  const claim = parsed.success ? parsed.data : null
  const evidence = {
    workOrderId: claim?.workOrderId ?? '',
    workOrderNumber: claim?.workOrderNumber ?? '',
    invoiceNumber: claim?.invoiceNumber ?? '',
    claimedFen: claim?.amountFen ?? 0,
    serial: claim?.serial ?? claim?.unit?.serial ?? '',
    brand: claim?.brand ?? claim?.unit?.brand ?? '',
    model: claim?.model ?? claim?.unit?.model ?? '',
    categoryKey: claim?.categoryKey ?? claim?.unit?.categoryKey ?? '',
    faultCode: claim?.faultCode ?? claim?.fault?.code ?? '',
    component: claim?.component ?? claim?.fault?.component ?? '',
    payload: JSON.stringify(record.payload ?? null)
  }
  await trx
    .insertInto('claims')
    .values({ shopId, claimId, ...evidence, claimedAt: record.at, status: 'pending', receivedAt })
    .onConflict((oc) =>
      oc
        .columns(['shopId', 'claimId'])
        .doUpdateSet((eb) => ({
          ...evidence,
          receivedAt,
          status: eb
            .case()
            .when('claims.status', '=', 'moreInfo')
            .then('pending' as const)
            .else(eb.ref('claims.status'))
            .end()
        }))
        // A decided claim keeps the evidence it was decided on: the amount approved was checked
        // against what was claimed then, and the settlement shows that claim beside it.
        .where('claims.status', 'in', ['pending', 'moreInfo'])
    )
    .execute()
}

async function projectReturnBatch(
  trx: HqDb,
  shopId: string,
  batchId: string,
  payload: unknown,
  updatedAt: string
): Promise<void> {
  const parsed = pushedReturnBatch.safeParse(payload)
  if (!parsed.success) return
  const batch = parsed.data
  const values = {
    number: batch.number,
    shopStatus: batch.status,
    carrier: batch.carrier,
    trackingNumber: batch.trackingNumber,
    items: JSON.stringify(batch.items),
    shippedAt: batch.shippedAt && !Number.isNaN(Date.parse(batch.shippedAt)) ? batch.shippedAt : null,
    updatedAt
  }
  await trx
    .insertInto('returnBatches')
    .values({ shopId, batchId, ...values })
    .onConflict((oc) => oc.columns(['shopId', 'batchId']).doUpdateSet(values))
    .execute()
}
