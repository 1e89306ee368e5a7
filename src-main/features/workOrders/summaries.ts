import type { Db } from '../../db/connection'
import { sql, type SelectQueryBuilder } from 'kysely'
import type {
  BoardColumn,
  CurrentUser,
  JobWaiting,
  Page,
  ParsedInput,
  WorkOrderSummary
} from '../../../src-shared/contract'
import { daysWaitedSince, isOverdue } from '../../../src-shared/domain/workOrderAge'
import { CLOSED_STATUSES, OPEN_STATUSES, type WorkOrderStatus } from '../../../src-shared/domain/workOrderStatus'
import { nextCalendarDay, shopDayStart, shopLocalDate } from '../../../src-shared/domain/timeZone'
import { SEARCH_COUNT_CAP, cappedPage } from '../search/capped'
import { CUSTOMER_FILE_WORK_ORDERS } from '../../../src-shared/contract/customers'
import type { Database } from '../../db/schema'
import type { ShopCalendar } from './calendar'
import { searchedPage, type FilteredOrders } from './listSearch'
import { workOrderPorts } from './ports'
import { comeback, promisedBefore, promisedFor, stuck } from './queues'
import { waitingEntitledOn, waitingRecord } from '../../../src-shared/domain/warranty/waiting'
import { quoteWaitOf } from '../../../src-shared/domain/quote'

/** Work orders joined with what a list row shows: customer, device, technician. */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('workOrders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customerId')
    .innerJoin('devices as d', 'd.id', 'wo.deviceId')
    .leftJoin('users as tech', 'tech.id', 'wo.technicianId')
}

type SummaryQuery = ReturnType<typeof summaryQuery>

/**
 * A list row's columns, with its current quote's total and answers: the quote joined by its id
 * (one row at most), as `currentQuote`, which a caller may filter or order by.
 */
export function selectSummaryColumns(query: SummaryQuery) {
  return query
    .leftJoin('quotes as currentQuote', 'currentQuote.id', 'wo.currentQuoteId')
    .select([
      'wo.id',
      'wo.number',
      'wo.status',
      'wo.serviceType',
      'wo.customerId',
      'c.name as customerName',
      'c.mobile as customerMobile',
      'd.brand',
      'd.model',
      'd.serial',
      'wo.reportedFault',
      'wo.technicianId',
      'tech.displayName as technicianName',
      'wo.createdAt',
      'wo.updatedAt',
      'wo.promisedDate',
      'wo.faultDate',
      'wo.waitingCause',
      'wo.waitingSince',
      'currentQuote.totalFen as quoteTotalFen',
      'currentQuote.customerDecision as quoteCustomerDecision',
      'currentQuote.managerApproval as quoteManagerApproval'
    ])
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaryColumns>['executeTakeFirstOrThrow']>>

/** The registered category of each waiting job's serial (which 三包 limits apply), by serial. */
export async function waitingCategories(db: Db, rows: SummaryRow[]): Promise<Map<string, string>> {
  const categories = new Map<string, string>()
  for (const row of rows) {
    if (!row.waitingCause || !row.serial || categories.has(row.serial)) continue
    const unit = await workOrderPorts().registeredUnit(db, row.serial)
    if (unit) categories.set(row.serial, unit.categoryKey)
  }
  return categories
}

/**
 * Why a job waits and, when the unit's category is known, the limit of its regulation counted
 * from the day it was brought in (see domain/warranty/waiting.ts).
 */
function jobWaiting(row: SummaryRow, calendar: ShopCalendar, categories: Map<string, string>): JobWaiting | null {
  if (!row.waitingCause || !row.waitingSince) return null
  const category = row.serial ? categories.get(row.serial) : undefined
  if (category === undefined) {
    return {
      cause: row.waitingCause,
      since: row.waitingSince,
      regulationKnown: false,
      limitDays: null,
      article: null,
      entitledOn: null
    }
  }
  const broughtIn = shopLocalDate(new Date(row.createdAt), calendar.timeZone)
  const record = waitingRecord(category, row.waitingCause, row.waitingSince, broughtIn)
  return {
    cause: record.cause,
    since: record.since,
    regulationKnown: true,
    limitDays: record.limit?.days ?? null,
    article: record.limit?.article ?? null,
    entitledOn: waitingEntitledOn(record)
  }
}

export function toSummary(
  row: SummaryRow,
  calendar: ShopCalendar,
  categories: Map<string, string> = new Map()
): WorkOrderSummary {
  const closed = CLOSED_STATUSES.has(row.status)
  const ageEnd = closed ? shopLocalDate(new Date(row.updatedAt), calendar.timeZone) : calendar.today
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    serviceType: row.serviceType,
    customerId: row.customerId,
    customerName: row.customerName,
    customerMobile: row.customerMobile,
    deviceLabel: `${row.brand} ${row.model}`,
    serial: row.serial,
    reportedFault: row.reportedFault,
    technicianId: row.technicianId,
    technicianName: row.technicianName,
    createdAt: row.createdAt,
    promisedDate: row.promisedDate,
    quoteTotalFen: row.quoteTotalFen,
    quoteWait: quoteWaitOf(
      row.status,
      row.quoteCustomerDecision && row.quoteManagerApproval
        ? { customerDecision: row.quoteCustomerDecision, managerApproval: row.quoteManagerApproval }
        : null
    ),
    overdue: isOverdue(row.status, row.promisedDate, calendar.today),
    agingDays: daysWaitedSince(row.createdAt, ageEnd, calendar.timeZone),
    faultDate: row.faultDate ?? null,
    waiting: closed ? null : jobWaiting(row, calendar, categories)
  }
}

/**
 * The filtered work-order list, paged on the server; a search is answered and ranked as
 * listSearch.ts says. Filtering and counting read `work_orders` alone (customer and device
 * always exist, so the joins cannot change the count); only the page's rows are joined for
 * display. Counts stop past SEARCH_COUNT_CAP ("more than N").
 */
export async function listWorkOrders(
  db: Db,
  viewer: CurrentUser,
  query: ParsedInput<'workOrders.list'>,
  calendar: ShopCalendar,
  now: Date
): Promise<Page<WorkOrderSummary>> {
  const search = query.search
  // With a search, its matches are few: the leading + keeps SQLite from walking a status's index instead.
  const status = search ? sql<WorkOrderStatus>`+${sql.ref('wo.status')}` : sql.ref<WorkOrderStatus>('wo.status')
  let filtered = db.selectFrom('workOrders as wo')
  if (query.statuses.length > 0) filtered = filtered.where(status, 'in', query.statuses)
  if (query.mine) filtered = filtered.where('wo.technicianId', '=', viewer.id)
  else if (query.technicianId) filtered = filtered.where('wo.technicianId', '=', query.technicianId)
  if (query.serviceType) filtered = filtered.where('wo.serviceType', '=', query.serviceType)
  if (query.fromDate) filtered = filtered.where('wo.createdAt', '>=', shopDayStart(query.fromDate, calendar.timeZone))
  if (query.toDate)
    filtered = filtered.where('wo.createdAt', '<', shopDayStart(nextCalendarDay(query.toDate), calendar.timeZone))
  // The home's queues, by the very conditions its tiles count.
  if (query.overdue) filtered = filtered.where(promisedBefore(calendar.today, status))
  if (query.promisedToday) filtered = filtered.where(promisedFor(calendar.today, status))
  if (query.comebacks) filtered = filtered.where(comeback(status))
  if (query.stuck) filtered = filtered.where(stuck(now, status))
  if (!search) return pageOf(db, filtered, query, calendar, await cappedCount(db, filtered))
  return searchedPage(db, filtered, search, query, (ids) =>
    summariesOf(
      db,
      db
        .selectFrom('workOrders as wo')
        .select('wo.id')
        .where('wo.id', 'in', [...ids, '']),
      calendar
    )
  )
}

/** Filtered orders counted up to one past the cap: a list of a million orders need not count them all. */
async function cappedCount(db: Db, filtered: FilteredOrders): Promise<number> {
  const { total } = await db
    .selectFrom(
      filtered
        .select('wo.id')
        .limit(SEARCH_COUNT_CAP + 1)
        .as('found')
    )
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  return Number(total)
}

/** One page of the filtered orders, newest first; only the page's rows are joined for display. */
async function pageOf(
  db: Db,
  filtered: FilteredOrders,
  query: ParsedInput<'workOrders.list'>,
  calendar: ShopCalendar,
  counted: number
): Promise<Page<WorkOrderSummary>> {
  const pageIds = filtered
    .select('wo.id')
    .orderBy('wo.createdAt', 'desc')
    .orderBy('wo.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
  return cappedPage(await summariesOf(db, pageIds, calendar), counted)
}

/** The list rows of these orders, newest first. */
async function summariesOf(
  db: Db,
  ids: SelectQueryBuilder<Database & { wo: Database['workOrders'] }, 'wo', { id: string }>,
  calendar: ShopCalendar
): Promise<WorkOrderSummary[]> {
  const rows = await selectSummaryColumns(summaryQuery(db))
    .where('wo.id', 'in', ids)
    .orderBy('wo.createdAt', 'desc')
    .orderBy('wo.id', 'desc')
    .execute()
  const categories = await waitingCategories(db, rows)
  return rows.map((row) => toSummary(row, calendar, categories))
}

const BOARD_CARDS_PER_COLUMN = 30

/** The board: one column per open status with its count and its oldest jobs first. */
export async function workOrderBoard(
  db: Db,
  viewer: CurrentUser,
  mine: boolean,
  calendar: ShopCalendar
): Promise<BoardColumn[]> {
  const columns: BoardColumn[] = []
  for (const status of OPEN_STATUSES) {
    let filtered = summaryQuery(db).where('wo.status', '=', status)
    if (mine) filtered = filtered.where('wo.technicianId', '=', viewer.id)
    const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
    const rows = await selectSummaryColumns(filtered).orderBy('wo.createdAt').limit(BOARD_CARDS_PER_COLUMN).execute()
    const categories = await waitingCategories(db, rows)
    columns.push({ status, total: Number(total), cards: rows.map((row) => toSummary(row, calendar, categories)) })
  }
  return columns
}

/** Work orders of one customer or one device, newest first (their repair history), at most `limit`. */
export async function historyOf(
  db: Db,
  by: { customerId?: string; deviceId?: string },
  calendar: ShopCalendar,
  limit = CUSTOMER_FILE_WORK_ORDERS
): Promise<WorkOrderSummary[]> {
  let filtered = summaryQuery(db)
  if (by.customerId) filtered = filtered.where('wo.customerId', '=', by.customerId)
  if (by.deviceId) filtered = filtered.where('wo.deviceId', '=', by.deviceId)
  const rows = await selectSummaryColumns(filtered).orderBy('wo.createdAt', 'desc').limit(limit).execute()
  const categories = await waitingCategories(db, rows)
  return rows.map((row) => toSummary(row, calendar, categories))
}

/**
 * How many work orders a customer has in all, given the history listed: counted on the customer's
 * index only when the list is full, as a list shorter than its limit is all there is.
 */
export async function workOrderCountOf(db: Db, customerId: string, listed: number): Promise<number> {
  if (listed < CUSTOMER_FILE_WORK_ORDERS) return listed
  const { total } = await db
    .selectFrom('workOrders')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('customerId', '=', customerId)
    .executeTakeFirstOrThrow()
  return Number(total)
}
