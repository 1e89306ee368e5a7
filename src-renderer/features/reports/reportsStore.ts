import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../../src-shared/contract'
import type { FaultAction, ReportFilterOptions, ReportName, ReportResult } from '../../../src-shared/contract/reports'
import type { PeriodGrain } from '../../../src-shared/domain/reportStatistics'
import type { ServiceType } from '../../../src-shared/domain/repairTypes'
import { call } from '../../api/client'

/** A report's date range and filters, as the page and the print route carry them. */
export interface ReportQuery {
  report: ReportName
  from: string
  to: string
  categoryKey: string | null
  brand: string | null
  model: string | null
  technicianId: string | null
  serviceType: ServiceType | null
  grain: PeriodGrain
}

/** What a new corrective action starts from. */
export interface FaultPattern {
  brand: string
  model: string
  componentCode: string | null
  faultCode: string | null
}

/** The manager's reports: the one on screen, the filters' choices and the corrective actions. */
export const useReportsStore = defineStore('reports', () => {
  const result = ref<ReportResult | null>(null)
  const options = ref<ReportFilterOptions>({ brands: [], models: [], technicians: [] })
  const actions = ref<FaultAction[]>([])

  // Changing the range or a filter fires runs in quick succession; an older answer must not win.
  let latest = 0
  async function run(query: ReportQuery): Promise<void> {
    const ticket = ++latest
    const answer = await call('reports.run', query)
    if (ticket === latest) result.value = answer
  }

  async function loadOptions(): Promise<void> {
    options.value = await call('reports.filterOptions', {})
  }

  async function exportReport(input: Omit<Input<'reports.export'>, 'query'>, query: ReportQuery) {
    return call('reports.export', { ...input, query })
  }

  async function loadActions(): Promise<void> {
    actions.value = await call('reports.faultActions', {})
  }

  async function saveAction(input: Input<'reports.saveFaultAction'>): Promise<FaultAction> {
    const saved = await call('reports.saveFaultAction', input)
    await loadActions()
    return saved
  }

  return { result, options, actions, run, loadOptions, exportReport, loadActions, saveAction }
})
