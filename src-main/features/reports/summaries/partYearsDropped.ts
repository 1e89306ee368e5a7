import type { Migration } from '../../../db/migration'
import { PART_MONTHS, summaryTriggers } from './migrations'

/*
 * The shop's used parts are summed by month only. Migration 38 also kept them by year, so that
 * five years of a shop's thousands of parts read a few thousand rows, not sixty months of each;
 * but those were two more rows written in every part issue's commit, and the counter's issue is
 * what a shop meets many times an hour. Sixty months of 2 000 parts read in about 40 ms, far
 * inside a report's time, as a technician's or a category's monthly part sums already are
 * (migration 41). The triggers that wrote the yearly sums are made again without them, with the
 * same builders as migration 38 (otherwise identical to its triggers), and the table goes.
 */

/** Migration 38's triggers that write report_part_years. */
const WRITING_PART_YEARS = [
  'report_job_months_out',
  'report_job_lines_moved',
  'report_part_sums_in',
  'report_part_sums_out',
  'report_part_sums_changed'
]

const triggerName = (statement: string): string => /^CREATE TRIGGER (\w+)/.exec(statement)?.[1] ?? ''

export const partYearsDropped: Migration = {
  version: 42,
  name: 'reports: used parts summed by month only (the yearly part sums dropped)',
  statements: [
    ...WRITING_PART_YEARS.map((name) => `DROP TRIGGER ${name}`),
    ...summaryTriggers(PART_MONTHS).filter((statement) => WRITING_PART_YEARS.includes(triggerName(statement))),
    'DROP TABLE report_part_years'
  ]
}
