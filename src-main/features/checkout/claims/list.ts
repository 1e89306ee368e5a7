import type { Db } from '../../../db/connection'
import type { ParsedInput } from '../../../../src-shared/contract'
import {
  FILE_CLAIMS_AT_ONCE,
  type ClaimStepRecord,
  type WarrantyClaimRow,
  type WarrantyClaimsPage
} from '../../../../src-shared/contract/checkout'
import { nextClaimSteps } from '../../../../src-shared/domain/claimFiling'
import { nextCalendarDay, shopDayStart } from '../../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../../settings/service'
import { isEnrolled } from '../../sync/hq/ownership'

export interface ClaimFilter {
  claimId?: string
  workOrderId?: string
  status?: WarrantyClaimRow['status']
  /** Made at or after this instant. */
  since?: string
  /** Made before this instant. */
  until?: string
}

/** The instants that bound claims made on these shop calendar days (both included). */
export async function claimDaysFilter(db: Db, days: { from?: string; to?: string }): Promise<ClaimFilter> {
  if (!days.from && !days.to) return {}
  const timeZone = await readShopTimeZone(db)
  return {
    ...(days.from ? { since: shopDayStart(days.from, timeZone) } : {}),
    ...(days.to ? { until: shopDayStart(nextCalendarDay(days.to), timeZone) } : {})
  }
}

/**
 * The shop's claims against the brand, newest first, with HQ's decision beside each (an enrolled
 * shop) or the last step a manager recorded by hand (a shop that files its claims itself).
 */
export async function listWarrantyClaims(db: Db, input: ParsedInput<'checkout.claims'>): Promise<WarrantyClaimsPage> {
  const enrolled = await isEnrolled(db)
  const days = await claimDaysFilter(db, input)
  const filter = { workOrderId: input.workOrderId, status: input.status, ...days }
  const toFileFilter: ClaimFilter = { workOrderId: input.workOrderId, status: 'open', ...days }
  const [rows, total, toFile, toFileIds] = await Promise.all([
    readClaimRows(db, filter, enrolled, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    claimsOf(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    claimsOf(db, toFileFilter)
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number>('c.amountFen'), eb.lit(0)).as('fen')
      ])
      .executeTakeFirstOrThrow(),
    // Filing at once takes both ends of the days: then the claims shown are named, so the filing
    // records these and no others.
    input.from && input.to ? claimsToFile(db, toFileFilter, FILE_CLAIMS_AT_ONCE) : []
  ])
  return {
    total: Number(total.n),
    rows,
    filedBy: enrolled ? 'hq' : 'shop',
    toFile: { count: Number(toFile.n), amountFen: Number(toFile.fen), claimIds: toFileIds.map((claim) => claim.id) }
  }
}

/** The claims still to file among these, oldest first (at most `limit`). */
export function claimsToFile(db: Db, filter: ClaimFilter, limit: number) {
  return claimsOf(db, { ...filter, status: 'open' })
    .select(['c.id', 'c.status', 'c.amountFen'])
    .orderBy('c.createdAt')
    .orderBy('c.id')
    .limit(limit)
    .execute()
}

/** One claim as the claims list shows it. */
export async function readWarrantyClaim(db: Db, claimId: string): Promise<WarrantyClaimRow | undefined> {
  const [row] = await readClaimRows(db, { claimId }, await isEnrolled(db), { limit: 1, offset: 0 })
  return row
}

export function claimsOf(db: Db, filter: ClaimFilter) {
  let query = db
    .selectFrom('warrantyClaims as c')
    .innerJoin('workOrders as w', 'w.id', 'c.workOrderId')
    .innerJoin('invoices as i', 'i.id', 'c.invoiceId')
    .leftJoin('hqClaimDecisions as d', 'd.claimId', 'c.id')
  if (filter.claimId) query = query.where('c.id', '=', filter.claimId)
  if (filter.workOrderId) query = query.where('c.workOrderId', '=', filter.workOrderId)
  if (filter.status) query = query.where('c.status', '=', filter.status)
  if (filter.since) query = query.where('c.createdAt', '>=', filter.since)
  if (filter.until) query = query.where('c.createdAt', '<', filter.until)
  return query
}

export async function readClaimRows(
  db: Db,
  filter: ClaimFilter,
  enrolled: boolean,
  page: { limit: number; offset: number }
): Promise<WarrantyClaimRow[]> {
  const rows = await claimsOf(db, filter)
    .select([
      'c.id',
      'c.workOrderId',
      'w.number as workOrderNumber',
      'i.number as invoiceNumber',
      'c.amountFen',
      'c.status',
      'c.createdAt',
      'd.status as decisionStatus',
      'd.reason',
      'd.approvedFen',
      'd.decidedAt'
    ])
    .orderBy('c.createdAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  const lastSteps = await lastStepsOf(
    db,
    rows.map((row) => row.id)
  )
  return rows.map((row) => ({
    id: row.id,
    workOrderId: row.workOrderId,
    workOrderNumber: row.workOrderNumber,
    invoiceNumber: row.invoiceNumber,
    amountFen: row.amountFen,
    status: row.status,
    createdAt: row.createdAt,
    decision:
      row.decisionStatus === null
        ? null
        : {
            status: row.decisionStatus,
            reason: row.reason ?? '',
            approvedFen: row.approvedFen ?? 0,
            decidedAt: row.decidedAt ?? ''
          },
    lastStep: lastSteps.get(row.id) ?? null,
    // An enrolled shop's claims move with HQ's answers alone.
    nextSteps: enrolled ? [] : nextClaimSteps(row.status)
  }))
}

/** The latest step recorded on each of these claims, by hand or (a payment) by HQ's sync; steps are numbered in time order. */
export async function lastStepsOf(db: Db, claimIds: string[]): Promise<Map<string, ClaimStepRecord>> {
  const last = new Map<string, ClaimStepRecord>()
  // A few hundred ids a statement (the claim sheet reads every claim of its days).
  for (let start = 0; start < claimIds.length; start += 500) {
    const steps = await db
      .selectFrom('warrantyClaimSteps as s')
      .leftJoin('users as u', 'u.id', 's.recordedBy')
      .select(['s.claimId', 's.status', 's.paidFen', 's.note', 's.recordedAt', 'u.displayName as recordedByName'])
      .where('s.claimId', 'in', claimIds.slice(start, start + 500))
      .orderBy('s.recordedAt')
      .orderBy('s.id')
      .execute()
    for (const { claimId, ...step } of steps) last.set(claimId, step)
  }
  return last
}
