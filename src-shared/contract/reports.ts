import { z } from 'zod'
import { operation } from './operation'
import { calendarDate, id, optionalText, text, untrimmedSingleLineString } from './common'
import type { ExportedFile } from './dataExport'
import { SERVICE_TYPES, type CodeList } from '../domain/repairTypes'
import { PERIOD_GRAINS } from '../domain/reportStatistics'

/** The manager's reports, in the order the reports page lists them. */
export const REPORTS = [
  'turnaround',
  'firstTimeFix',
  'faults',
  'technicians',
  'takings',
  'parts',
  'claims',
  'satisfaction'
] as const
export type ReportName = (typeof REPORTS)[number]

/**
 * How a cell is shown: plain text, a coded value the reader's language names (`codeSet` says
 * which list) or a code of the shop's own lists (`codeList`: named from that list, a seeded
 * name in the reader's language), a count, money in fen, hours, or a share 0..1.
 */
export type ReportCellKind = 'text' | 'code' | 'count' | 'fen' | 'hours' | 'percent'
export const REPORT_CODE_SETS = [
  'category',
  'serviceType',
  'method',
  'claimStatus',
  'bucket',
  'aspect',
  'payer'
] as const
export type ReportCodeSet = (typeof REPORT_CODE_SETS)[number]
/** The shop's code lists a report groups by: the fault causes and locations found at diagnosis. */
export type ReportCodeList = Extract<CodeList, 'fault_cause' | 'fault_location'>
export type ReportCell = string | number | null

export interface ReportColumn {
  key: string
  kind: ReportCellKind
  codeSet?: ReportCodeSet
  codeList?: ReportCodeList
}

/** One table behind a report (a report may have several: by category, by technician...). */
export interface ReportTable {
  key: string
  columns: ReportColumn[]
  rows: Record<string, ReportCell>[]
}

/**
 * What the chart draws from which table: `category` is the column along the x axis, `series`
 * the bars, `line` an optional line on a second axis (the Pareto's running share).
 */
export interface ReportChart {
  kind: 'bar' | 'stackedBar' | 'line' | 'pareto'
  table: string
  category: string
  series: string[]
  line?: string
}

export interface ReportFigure {
  key: string
  kind: ReportCellKind
  value: ReportCell
}

export interface ReportResult {
  report: ReportName
  from: string
  to: string
  /** The headline figures above the chart. */
  figures: ReportFigure[]
  tables: ReportTable[]
  chart: ReportChart
}

const optionalFilter = (max: number) => untrimmedSingleLineString().max(max).nullable().default(null)

/** A report's date range (shop calendar days, both included) and filters; null means all. */
export const reportQuerySchema = z
  .object({
    report: z.enum(REPORTS),
    from: calendarDate,
    to: calendarDate,
    categoryKey: optionalFilter(40),
    brand: optionalFilter(60),
    model: optionalFilter(80),
    technicianId: id.nullable().default(null),
    serviceType: z.enum(SERVICE_TYPES).nullable().default(null),
    /** The takings report's periods. */
    grain: z.enum(PERIOD_GRAINS).default('day')
  })
  .strict()
  .refine((query) => query.from <= query.to, { message: 'validation.dateRange', path: ['to'] })

export const FAULT_ACTION_STATUSES = ['open', 'in_progress', 'closed'] as const
export type FaultActionStatus = (typeof FAULT_ACTION_STATUSES)[number]

/** A corrective action a manager opened on a fault pattern (FRACAS), followed to its close. */
export interface FaultAction {
  id: string
  brand: string
  model: string
  componentCode: string | null
  faultCode: string | null
  owner: string
  action: string
  dueDate: string
  status: FaultActionStatus
  createdByName: string | null
  createdAt: string
  updatedAt: string
  closedAt: string | null
  overdue: boolean
}

export interface ReportFilterOptions {
  brands: string[]
  models: { brand: string; model: string }[]
  technicians: { id: string; displayName: string }[]
}

const faultActionFields = {
  brand: text(60),
  model: optionalText(80),
  componentCode: untrimmedSingleLineString().max(40).nullable().default(null),
  faultCode: untrimmedSingleLineString().max(40).nullable().default(null),
  owner: text(60),
  action: text(500),
  dueDate: calendarDate,
  status: z.enum(FAULT_ACTION_STATUSES).default('open')
}

export const reportsContract = {
  /** One report over a date range, with its filters: headline figures, tables and what the chart draws. */
  'reports.run': operation<ReportResult>()(reportQuerySchema),
  /** The choices of the filters: brands and models seen on jobs, and technicians. */
  'reports.filterOptions': operation<ReportFilterOptions>()(z.object({}).strict()),
  /**
   * A report as an Excel workbook, one sheet per table. The words (sheet titles, column titles,
   * coded values) come from the reader's language; the figures come from `reports.run`.
   */
  'reports.export': operation<ExportedFile>()(
    z
      .object({
        query: reportQuerySchema,
        title: text(60),
        sheets: z.record(z.string(), untrimmedSingleLineString().max(31)),
        columns: z.record(z.string(), untrimmedSingleLineString().max(60)),
        // A shop code is named with its code: up to 20 characters, a space and a 60-character label.
        labels: z.record(z.string(), untrimmedSingleLineString().max(81)).default({})
      })
      .strict()
  ),
  /** Corrective actions on fault patterns, the open ones first. */
  'reports.faultActions': operation<FaultAction[]>()(z.object({}).strict()),
  /** Opens a corrective action, or changes one (its owner, action, due date or status). Audited. */
  'reports.saveFaultAction': operation<FaultAction>()(z.object({ id: id.optional(), ...faultActionFields }).strict())
}
