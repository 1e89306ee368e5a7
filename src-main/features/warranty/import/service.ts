import type { ImportField, ImportPreview, ImportStatus, ParsedInput } from '../../../../src-shared/contract'
import { AppError } from '../../../../src-shared/contract'
import type { CategoryKey } from '../../../../src-shared/domain/warranty/policy'
import type { AppContext } from '../../../app/context'
import { shopLocalDate } from '../../../../src-shared/domain/timeZone'
import { readWarrantySettings } from '../../settings/service'
import { applyStagedRows, ImportCancelled } from './apply'
import { bulkIdMaker } from './bulkIds'
import { createBatchChecker, type RejectedRow } from './check'
import type { CsvRecord } from './csv'
import { createJob, encodingOf, getJob, statusOf, type ImportJob } from './jobs'
import { suggestMapping } from './headers'
import { nextStepSize, nextTurn, type StepLimits } from './pacing'
import { rejectedRowsCsv } from './rejected'
import { firstRecords, openRows } from './source'
import { createStager } from './stage'
import { revertImport } from './undo'

const SAMPLE_ROWS = 20
/**
 * Rows checked and staged per turn, sized as pacing.ts says, and at most 1 000: a batch's
 * records and checked rows stay alive until it is staged, and what is still alive at two of V8's
 * scavenges is moved to the old generation, which only a full collection frees and which V8 lets
 * grow to several times what is alive before it runs one. The fewer rows a batch holds, the less
 * of it is alive at a scavenge (and the shorter a desk's call waits behind it).
 */
const BATCH_LIMITS: StepLimits = { first: 1_000, min: 100, max: 1_000 }
const IMPORT_CACHE_KIB = -32 * 1024

export function startImport(
  app: AppContext,
  now: Date,
  actorId: string | null,
  input: ParsedInput<'warranty.importStart'>
): { jobId: string } {
  return { jobId: createJob(app, now, input.fileName, input.totalBytes, actorId).id }
}

/** Pieces arrive in order; the last one completes the upload. */
export function receiveChunk(app: AppContext, input: ParsedInput<'warranty.importChunk'>): { receivedBytes: number } {
  const job = getJob(app, input.jobId)
  if (job.status.phase !== 'uploading') throw new AppError('CONFLICT', 'warranty.import.notUploading')
  if (input.index !== job.nextIndex) {
    throw new AppError('VALIDATION', 'warranty.import.chunkOrder', { expected: job.nextIndex, received: input.index })
  }
  const data = Buffer.from(input.data, 'base64')
  if (job.receivedBytes + data.length > job.totalBytes) {
    throw new AppError('VALIDATION', 'warranty.import.tooManyBytes', { totalBytes: job.totalBytes })
  }
  job.upload.append(data)
  job.nextIndex++
  job.receivedBytes += data.length
  if (job.receivedBytes === job.totalBytes) job.status = { ...job.status, phase: 'uploaded' }
  return { receivedBytes: job.receivedBytes }
}

function uploadedJob(app: AppContext, jobId: string): ImportJob {
  const job = getJob(app, jobId)
  if (job.status.phase === 'uploading') throw new AppError('CONFLICT', 'warranty.import.uploadIncomplete')
  if (job.status.phase !== 'uploaded') throw new AppError('CONFLICT', 'warranty.import.alreadyRun')
  return job
}

export async function previewImport(
  app: AppContext,
  input: ParsedInput<'warranty.importPreview'>
): Promise<ImportPreview> {
  const job = uploadedJob(app, input.jobId)
  const encoding = await encodingOf(job)
  const records = await firstRecords(job.upload, encoding, SAMPLE_ROWS + 1)
  const headers = records[0]?.fields.map((header) => header.trim()) ?? []
  return {
    encoding,
    headers,
    suggestedMapping: suggestMapping(headers),
    sampleRows: records.slice(1).map((record) => record.fields)
  }
}

/**
 * Starts checking and applying the file in the background and returns at once; poll
 * importStatus. While checking, processedRows counts the file's rows (of totalRows); while
 * applying, the checked rows written to the registry (of the valid rows).
 */
export function runImport(app: AppContext, now: Date, input: ParsedInput<'warranty.importRun'>): ImportStatus {
  const job = uploadedJob(app, input.jobId)
  const mapping = input.mapping as Partial<Record<ImportField, number>>
  const missing = (['serial', 'model'] as const).filter((field) => mapping[field] === undefined)
  if (missing.length > 0) {
    throw new AppError('VALIDATION', 'warranty.import.mappingRequired', {
      fields: missing.map((field) => ({ path: `mapping.${field}`, messageKey: 'validation.required' }))
    })
  }
  job.mappedFields = new Set(Object.keys(mapping) as ImportField[])
  if (input.defaultBrand.trim() !== '') job.mappedFields.add('brand')
  job.status = { phase: 'checking', processedRows: 0, totalRows: null, result: null, errorKey: null }
  job.finished = runJob(app, job, now, mapping, input.defaultBrand, input.defaultCategory)
  return statusOf(job)
}

async function runJob(
  app: AppContext,
  job: ImportJob,
  now: Date,
  mapping: Partial<Record<ImportField, number>>,
  defaultBrand: string,
  defaultCategory: CategoryKey | null
): Promise<void> {
  // A bigger page cache while a large file goes in (the registry's indexes are read at random);
  // put back when the run ends.
  const cacheSize = app.sqlite.pragma('cache_size', { simple: true }) as number
  let batches: AsyncIterator<CsvRecord[]> | undefined
  app.sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`)
  try {
    await nextTurn()
    // The file is decoded once, piece by piece as it is read back from disk.
    let batchSize = BATCH_LIMITS.first
    const source = await openRows(job.upload, await encodingOf(job), () => batchSize)
    job.status = { ...job.status, totalRows: Math.max(0, source.recordCount - 1) }
    batches = source.batches[Symbol.asyncIterator]()
    let pending = await batches.next()
    const header = pending.done ? undefined : pending.value.shift()
    const headers = header ? header.fields.map((field) => field.trim()) : []
    const outOfRange = Object.entries(mapping).filter(([, column]) => column! >= headers.length)
    if (outOfRange.length > 0) {
      throw new AppError('VALIDATION', 'warranty.import.mappingColumn', {
        fields: outOfRange.map(([field]) => ({ path: `mapping.${field}`, messageKey: 'warranty.import.mappingColumn' }))
      })
    }

    const knownModels = new Map<string, CategoryKey>()
    for (const model of app.sqlite.prepare('SELECT brand, model, category_key FROM product_models').all() as {
      brand: string
      model: string
      category_key: CategoryKey
    }[]) {
      knownModels.set(`${model.brand}\u0000${model.model}`, model.category_key)
    }
    const today = shopLocalDate(now, (await readWarrantySettings(app.db)).timeZone)
    const checker = createBatchChecker(app, job.id, { mapping, defaultBrand, defaultCategory, knownModels, today })
    const stageRows = createStager(app, job.id, bulkIdMaker(now.getTime()))

    const rejectedRows: RejectedRow[] = []
    let processed = 0
    let staged = 0
    let batchStarted = performance.now()
    for (; !pending.done; pending = await batches.next()) {
      const { accepted, rejected } = await checker.check(pending.value)
      rejectedRows.push(...rejected)
      await stageRows(accepted)
      processed += pending.value.length
      staged += accepted.length
      job.status = { ...job.status, processedRows: processed }
      // Reading and parsing the next batch counts too: it holds the event loop as the check does.
      batchSize = nextStepSize(pending.value.length, performance.now() - batchStarted, BATCH_LIMITS)
      await nextTurn()
      batchStarted = performance.now()
      if (job.cancelRequested) throw new ImportCancelled()
    }
    job.status = { ...job.status, processedRows: processed, totalRows: processed }
    if (job.cancelRequested) throw new ImportCancelled()

    job.status = { ...job.status, phase: 'applying', processedRows: 0, totalRows: staged }
    const counts = await applyStagedRows(app, {
      jobId: job.id,
      fileName: job.fileName,
      actorId: job.actorId,
      now,
      rejected: rejectedRows.length,
      mappedFields: job.mappedFields,
      newModels: checker.newModels,
      onProgress: (applied) => {
        job.status = { ...job.status, processedRows: applied }
      },
      cancelled: () => job.cancelRequested
    })
    job.rejectedRows = { headers, rows: rejectedRows }
    job.status = {
      phase: 'done',
      processedRows: staged,
      totalRows: staged,
      result: {
        ...counts,
        rejected: rejectedRows.map((row) => row.rejection)
      },
      errorKey: null
    }
  } catch (error) {
    const cancelled = error instanceof ImportCancelled
    if (!cancelled && !(error instanceof AppError)) console.error(`[warranty.import] ${job.fileName} failed`, error)
    try {
      // What the run staged or applied so far goes, by its import id: the registry is as it was.
      await revertImport(app, job.id)
    } catch (revertError) {
      console.error('[warranty.import] could not undo the import', revertError)
    }
    job.status = cancelled
      ? { ...job.status, phase: 'cancelled', result: null, errorKey: null }
      : {
          ...job.status,
          phase: 'failed',
          result: null,
          errorKey: error instanceof AppError ? error.messageKey : 'warranty.import.failed'
        }
  } finally {
    // A run stopped part way closes the file it was reading.
    await batches?.return?.(undefined)
    job.upload.discard()
    app.sqlite.pragma(`cache_size = ${cacheSize}`)
  }
}

export function importStatus(app: AppContext, input: ParsedInput<'warranty.importStatus'>): ImportStatus {
  return statusOf(getJob(app, input.jobId))
}

/** A finished run's rejected rows as a file, in the language the reader asks for (none rejected: empty). */
export function rejectedFile(app: AppContext, input: ParsedInput<'warranty.importRejectedFile'>): { csv: string } {
  const rejected = getJob(app, input.jobId).rejectedRows
  if (!rejected || rejected.rows.length === 0) return { csv: '' }
  return { csv: rejectedRowsCsv(rejected.headers, rejected.rows, input.language) }
}

/**
 * Stops an import that has not been applied. A run stops at its next batch or page, and what it
 * staged or already applied is taken back out (units it registered removed, units it changed
 * restored); an upload or an uploaded file is simply discarded. The registry ends as it was.
 */
export async function cancelImport(
  app: AppContext,
  input: ParsedInput<'warranty.importCancel'>
): Promise<ImportStatus> {
  const job = getJob(app, input.jobId)
  switch (job.status.phase) {
    case 'uploading':
    case 'uploaded':
      job.upload.discard()
      job.status = { ...job.status, phase: 'cancelled' }
      break
    case 'checking':
    case 'applying':
      job.cancelRequested = true
      await job.finished
      break
    case 'done':
      throw new AppError('CONFLICT', 'warranty.import.alreadyApplied')
    default:
      break
  }
  return statusOf(job)
}

/** When a run has ended (for tests and the benchmark): its final status. */
export async function importSettled(app: AppContext, jobId: string): Promise<ImportStatus> {
  const job = getJob(app, jobId)
  await job.finished
  return statusOf(job)
}
