import type { Db } from '../../db/connection'
import type { Page, ParsedInput } from '../../../src-shared/contract'
import type { WarrantyClaimRow } from '../../../src-shared/contract/checkout'

/** The shop's claims against the brand with HQ's decision beside each, newest first. */
export async function listWarrantyClaims(
  db: Db,
  input: ParsedInput<'checkout.claims'>
): Promise<Page<WarrantyClaimRow>> {
  let query = db
    .selectFrom('warrantyClaims as c')
    .innerJoin('workOrders as w', 'w.id', 'c.workOrderId')
    .innerJoin('invoices as i', 'i.id', 'c.invoiceId')
    .leftJoin('hqClaimDecisions as d', 'd.claimId', 'c.id')
  if (input.workOrderId) query = query.where('c.workOrderId', '=', input.workOrderId)
  if (input.status) query = query.where('c.status', '=', input.status)
  const [rows, total] = await Promise.all([
    query
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
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ])
  return {
    total: Number(total.n),
    rows: rows.map((row) => ({
      id: row.id,
      workOrderId: row.workOrderId,
      workOrderNumber: row.workOrderNumber,
      invoiceNumber: row.invoiceNumber,
      amountFen: row.amountFen,
      status: row.status as WarrantyClaimRow['status'],
      createdAt: row.createdAt,
      decision:
        row.decisionStatus === null
          ? null
          : {
              status: row.decisionStatus,
              reason: row.reason ?? '',
              approvedFen: row.approvedFen ?? 0,
              decidedAt: row.decidedAt ?? ''
            }
    }))
  }
}
