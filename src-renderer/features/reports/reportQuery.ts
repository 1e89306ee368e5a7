import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { REPORTS, type ReportName } from '../../../src-shared/contract/reports'
import { SERVICE_TYPES, type ServiceType } from '../../../src-shared/domain/repairTypes'
import { PERIOD_GRAINS, presetRange, type PeriodGrain } from '../../../src-shared/domain/reportStatistics'
import type { ReportQuery } from './reportsStore'

const DATE = /^\d{4}-\d{2}-\d{2}$/

type QueryValue = LocationQuery[string] | undefined

function textOf(value: QueryValue): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function oneOf<T extends string>(choices: readonly T[], value: QueryValue): T | null {
  const text = textOf(value)
  return text !== null && (choices as readonly string[]).includes(text) ? (text as T) : null
}

/**
 * A report's query from the page address (so a range survives a reload and the print route
 * draws exactly what the page showed); this month when the address says nothing.
 */
export function reportQueryFrom(query: LocationQuery, today: string, report?: ReportName): ReportQuery {
  const month = presetRange(today, 'month')
  const from = textOf(query.from)
  const to = textOf(query.to)
  return {
    report: report ?? oneOf(REPORTS, query.report) ?? 'turnaround',
    from: from && DATE.test(from) ? from : month.from,
    to: to && DATE.test(to) ? to : month.to,
    categoryKey: textOf(query.category),
    brand: textOf(query.brand),
    model: textOf(query.model),
    technicianId: textOf(query.technician),
    serviceType: oneOf<ServiceType>(SERVICE_TYPES, query.serviceType),
    grain: oneOf<PeriodGrain>(PERIOD_GRAINS, query.grain) ?? 'day'
  }
}

/** The page address of a report's query; filters left at "all" stay out of it. */
export function addressOf(query: ReportQuery): LocationQueryRaw {
  const address: LocationQueryRaw = { report: query.report, from: query.from, to: query.to }
  if (query.categoryKey) address.category = query.categoryKey
  if (query.brand) address.brand = query.brand
  if (query.model) address.model = query.model
  if (query.technicianId) address.technician = query.technicianId
  if (query.serviceType) address.serviceType = query.serviceType
  if (query.grain !== 'day') address.grain = query.grain
  return address
}
