import { hasJobFilters, type ReportQuery } from './scope'

/**
 * A report filtered by exactly one technician or exactly one category (and nothing else) reads
 * the sums kept within that slice (reports.reportSlices) over whole months, as an unfiltered one
 * reads the shop's sums. Any other filter, or two of them, reads the fact rows.
 */
export interface ReportSlice {
  dim: 'technician' | 'category'
  key: string
}

export function sliceOf(query: ReportQuery): ReportSlice | null {
  if (query.brand !== null || query.model !== null || query.serviceType !== null) return null
  if (query.technicianId !== null && query.categoryKey === null) return { dim: 'technician', key: query.technicianId }
  // '' is how the sums keep "no category"; a filter by it matches no job, so the facts answer it.
  if (query.categoryKey !== null && query.categoryKey !== '' && query.technicianId === null)
    return { dim: 'category', key: query.categoryKey }
  return null
}

/** Whether whole months can come from sums: no job filter, or exactly one technician or category. */
export function summariesAnswer(query: ReportQuery): boolean {
  return !hasJobFilters(query) || sliceOf(query) !== null
}
