import type { ImportRejection } from '../../../../src-shared/contract/warranty'
import type { AppContext } from '../../../app/context'
import type { CsvRecord } from './csv'
import { ensureStagingTable, STAGED_ROWS, stagingRun } from './staging'
import { createRowValidator, detached, type FileClaims, type RowValidatorOptions, type StagedRow } from './validate'

export interface RejectedRow {
  fields: string[]
  rejection: ImportRejection
}

export interface CheckedBatch {
  accepted: StagedRow[]
  rejected: RejectedRow[]
}

const toMap = <V>(pairs: unknown[]) => new Map(pairs as [string, V][])

/**
 * Checks a file's rows batch by batch, in file order, with the rules of createRowValidator. What
 * earlier rows claimed is not held in memory for a whole file: the accepted rows are staged, so
 * each batch asks the staging table (and the registry, for card numbers held by units) with a
 * few set-based queries for just its own serials and cards. Only the serials of rejected rows,
 * which are few and never staged, are kept here.
 */
export function createBatchChecker(
  app: AppContext,
  jobId: string,
  options: Omit<RowValidatorOptions, 'claims' | 'cardHolder'>
) {
  const { sqlite } = app
  const run = stagingRun(sqlite, jobId)
  const rejectedSerialLines = new Map<string, number>()
  let batchSerials = new Map<string, number>()
  let batchCards = new Map<string, number>()
  let stagedSerials = new Map<string, number>()
  let stagedCards = new Map<string, number>()
  let cardHolders = new Map<string, string>()

  const claims: FileClaims = {
    serialLine: (serial) => batchSerials.get(serial) ?? stagedSerials.get(serial) ?? rejectedSerialLines.get(serial),
    claimSerial: (serial, line) => batchSerials.set(serial, line),
    cardLine: (cardNumber) => batchCards.get(cardNumber) ?? stagedCards.get(cardNumber),
    claimCard: (cardNumber, line) => batchCards.set(cardNumber, line)
  }
  const validate = createRowValidator({
    ...options,
    claims,
    cardHolder: (cardNumber) => cardHolders.get(cardNumber) ?? null
  })

  // Prepared in the run's first turn of the connection, once the staging table is there.
  const prepareReads = () => ({
    earlierSerials: sqlite
      .prepare(
        `SELECT serial, line FROM ${STAGED_ROWS}
         WHERE run = ? AND serial IN (SELECT value FROM json_each(?))`
      )
      .raw(),
    earlierCards: sqlite
      .prepare(
        `SELECT card_number, line FROM ${STAGED_ROWS}
         WHERE run = ? AND card_number IS NOT NULL AND card_number IN (SELECT value FROM json_each(?))`
      )
      .raw(),
    registeredCards: sqlite
      .prepare(
        `SELECT card_number, serial FROM warranty_units
         WHERE card_number IS NOT NULL AND card_number IN (SELECT value FROM json_each(?))`
      )
      .raw()
  })
  let reads: ReturnType<typeof prepareReads> | undefined

  return {
    /** Models the accepted rows bring that the catalogue lacks, with their category. */
    newModels: validate.newModels,

    async check(records: CsvRecord[]): Promise<CheckedBatch> {
      const serials: string[] = []
      const cards: string[] = []
      for (const record of records) {
        const keys = validate.keysOf(record.fields)
        if (keys.serial !== '') serials.push(keys.serial)
        if (keys.cardNumber !== '') cards.push(keys.cardNumber)
      }
      // The reads take the connection's turn like any call (never inside another's transaction).
      await app.db.connection().execute(async () => {
        ensureStagingTable(sqlite)
        reads ??= prepareReads()
        stagedSerials = toMap<number>(reads.earlierSerials.all(run, JSON.stringify(serials)))
        stagedCards = toMap<number>(cards.length === 0 ? [] : reads.earlierCards.all(run, JSON.stringify(cards)))
        cardHolders = toMap<string>(cards.length === 0 ? [] : reads.registeredCards.all(JSON.stringify(cards)))
      })
      batchSerials = new Map()
      batchCards = new Map()
      const accepted: StagedRow[] = []
      const rejected: RejectedRow[] = []
      for (const record of records) {
        const outcome = validate(record.line, record.fields)
        if (outcome.ok) {
          accepted.push(outcome.row)
          continue
        }
        rejected.push({ fields: record.fields.map(detached), rejection: outcome.rejection })
        // A rejected row keeps the serial it claimed: a later row with it is still a repeat.
        const { serial } = validate.keysOf(record.fields)
        if (batchSerials.get(serial) === record.line) rejectedSerialLines.set(detached(serial), record.line)
      }
      return { accepted, rejected }
    }
  }
}

export type BatchChecker = ReturnType<typeof createBatchChecker>
