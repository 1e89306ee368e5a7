import type { Db } from '../../db/connection'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { readShopTimeZone } from '../settings/service'
import { rangeOf, type ReportQuery } from './scope'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { turnaroundReport } from './turnaround'
import { firstTimeFixReport } from './firstTimeFix'
import { faultsReport } from './faults'
import { techniciansReport } from './technicians'
import { takingsReport } from './takings'
import { partsReport } from './partsMargin'
import { claimsReport } from './claims'
import { satisfactionReport } from './satisfaction'

/**
 * One report over the shop's calendar days from..to, with its filters. `factsOnly` reads every
 * figure from the fact rows, as a check that the summaries say the same. `now` tells which days
 * of a month under way have passed.
 */
export async function runReport(
  db: Db,
  query: ReportQuery,
  factsOnly = false,
  now: Date = new Date()
): Promise<ReportResult> {
  const timeZone = await readShopTimeZone(db)
  const range = { ...rangeOf(query, timeZone), factsOnly }
  switch (query.report) {
    case 'turnaround':
      return turnaroundReport(db, query, range)
    case 'firstTimeFix':
      return firstTimeFixReport(db, query, range)
    case 'faults':
      return faultsReport(db, query, range, timeZone, shopLocalDate(now, timeZone))
    case 'technicians':
      return techniciansReport(db, query, range)
    case 'takings':
      return takingsReport(db, query, range)
    case 'parts':
      return partsReport(db, query, range)
    case 'claims':
      return claimsReport(db, query, range)
    case 'satisfaction':
      return satisfactionReport(db, query, range)
  }
}
