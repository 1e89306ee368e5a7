import type { Db } from '../../db/connection'
import type { CurrentUser, Quote, WorkOrderDetail } from '../../../src-shared/contract'
import { mayViewPasscode } from '../../../src-shared/domain/passcode'
import { workMayProceed } from '../../../src-shared/domain/quote'
import { draftQuote, type QuoteDraft } from '../../../src-shared/domain/quoteDraft'
import {
  isClosed,
  ROLES_BY_TARGET,
  TRANSITIONS,
  type WorkOrderStatus
} from '../../../src-shared/domain/workOrderStatus'
import type { ShopCalendar } from './calendar'
import { comebackOf } from './comebackCover'
import { currentQuote, findWorkOrder, liveComeback } from './lookup'
import { toCustomer, toDevice } from './parties'
import { selectSummaryColumns, summaryQuery, toSummary, waitingCategories } from './summaries'
import { isOwnOrFreeJob, workOrderRights } from './rights'
import type { QuotesTable, WorkOrdersTable } from './tables'
import { openPasscode } from './passcodeSeal'
import { workOrderPorts } from './ports'
import { loadTimeline } from './timelineStory'

/**
 * Where this caller may move the order now: an edge of the status machine, a role allowed to
 * take it, and (for bench work on a paid repair) an approved quote. Awaiting approval is reached
 * by quoting and picked up by the pick-up check, so neither is offered as a plain move.
 */
export function allowedTransitions(
  viewer: CurrentUser,
  order: WorkOrdersTable,
  quote: QuotesTable | null
): WorkOrderStatus[] {
  // Another technician's job offers this technician nothing to do.
  if (!isOwnOrFreeJob(viewer, order)) return []
  return TRANSITIONS[order.status].filter((to) => {
    if (to === 'picked_up' || to === 'awaiting_approval') return false
    if (!ROLES_BY_TARGET[to].includes(viewer.role)) return false
    if ((to === 'repairing' || to === 'awaiting_parts') && !workMayProceed(order.serviceType, quote)) return false
    return true
  })
}

async function loadQuote(db: Db, quote: QuotesTable | null): Promise<Quote | null> {
  if (!quote) return null
  const names = await userNames(db, [quote.createdBy, quote.decisionRecordedBy, quote.managerId])
  return {
    id: quote.id,
    labourFen: quote.labourFen,
    partsFen: quote.partsFen,
    discountFen: quote.discountFen,
    totalFen: quote.totalFen,
    note: quote.note,
    createdAt: quote.createdAt,
    createdByName: names.get(quote.createdBy) ?? null,
    customerDecision: quote.customerDecision,
    decisionChannel: quote.decisionChannel,
    decidedAt: quote.decidedAt,
    decisionRecordedByName: names.get(quote.decisionRecordedBy) ?? null,
    managerApproval: quote.managerApproval,
    managerName: names.get(quote.managerId) ?? null,
    managerDecidedAt: quote.managerDecidedAt
  }
}

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string | null, string>> {
  const wanted = ids.filter((id): id is string => id !== null)
  if (wanted.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute()
  return new Map(rows.map((row) => [row.id, row.displayName]))
}

/** The quote the job's labour, parts and diagnosis imply, for the technician to check and send. */
async function quoteDraftOf(
  db: Db,
  order: WorkOrdersTable,
  labour: readonly { description: string; priceFen: number }[]
): Promise<QuoteDraft> {
  const parts = await workOrderPorts().partsOf(db, order.id)
  return draftQuote({ diagnosis: order.diagnosis, labour, issued: parts.lines, requested: parts.requests })
}

/** Everything the work-order screen shows, as this caller may see it. */
export async function loadWorkOrderDetail(
  db: Db,
  id: string,
  viewer: CurrentUser,
  calendar: ShopCalendar
): Promise<WorkOrderDetail> {
  const order = await findWorkOrder(db, id)
  const summaryRow = await selectSummaryColumns(summaryQuery(db).where('wo.id', '=', id)).executeTakeFirstOrThrow()
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', order.customerId)
    .executeTakeFirstOrThrow()
  const device = await db.selectFrom('devices').selectAll().where('id', '=', order.deviceId).executeTakeFirstOrThrow()
  const labour = await db
    .selectFrom('workOrderLabour')
    .selectAll()
    .where('workOrderId', '=', id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
  const quoteRow = await currentQuote(db, order)
  const reopenedFrom = order.reopenedFromId
    ? await db
        .selectFrom('workOrders')
        .select(['id', 'number'])
        .where('id', '=', order.reopenedFromId)
        .executeTakeFirst()
    : undefined
  const reopenedAs = await db
    .selectFrom('workOrders')
    .select(['id', 'number'])
    .where('reopenedFromId', '=', id)
    .orderBy('createdAt')
    .execute()
  const showPasscode = mayViewPasscode(viewer, order.technicianId)
  const rights = workOrderRights(viewer, order, quoteRow, {
    hasLiveComeback: (await liveComeback(db, id)) !== undefined
  })

  return {
    ...toSummary(summaryRow, calendar, await waitingCategories(db, [summaryRow])),
    intakeChannel: order.intakeChannel,
    symptomCode: order.symptomCode,
    condition: JSON.parse(order.conditionJson),
    accessories: JSON.parse(order.accessoriesJson),
    hasPasscode: order.passcode !== null,
    // Opened only for those who may see it; everyone else's answer never holds it.
    passcode: showPasscode && order.passcode !== null ? openPasscode(order.passcode, order.id) : null,
    estimateFen: order.estimateFen,
    depositFen: order.depositFen,
    faultLocationCode: order.faultLocationCode,
    faultCauseCode: order.faultCauseCode,
    diagnosis: order.diagnosis,
    internalNote: order.internalNote,
    customerNote: order.customerNote,
    closeReason: order.closeReason,
    customer: toCustomer(customer),
    device: toDevice(device),
    labour: labour.map((line) => ({
      id: line.id,
      description: line.description,
      minutes: line.minutes,
      priceFen: line.priceFen
    })),
    quote: await loadQuote(db, quoteRow),
    quoteDraft: rights.quote ? await quoteDraftOf(db, order, labour) : null,
    events: await loadTimeline(db, id),
    reopenedFrom: reopenedFrom ?? null,
    reopenedAs,
    pickedUpAt: order.pickedUpAt,
    comebackAs: await comebackOf(db, order, calendar),
    allowedTransitions: allowedTransitions(viewer, order, quoteRow),
    can: rights,
    readOnly: isClosed(order.status)
  }
}
