import type { ImportField, ImportStatus } from '../../../../src-shared/contract/warranty'
import { AppError } from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import type { AppContext } from '../../../app/context'
import type { RejectedRow } from './check'
import { detectEncodingOfPiecesInTurns, type FileEncoding } from './decode'
import { revertUnfinishedImports } from './undo'
import { UploadFile, uploadFolder } from './upload'

/** One file being imported. Jobs live in memory only: an import does not survive a restart. */
export interface ImportJob {
  id: string
  fileName: string
  totalBytes: number
  actorId: string | null
  createdAt: number
  /** The upload as it arrived, on disk until the job ends. */
  upload: UploadFile
  /** Found once the upload is complete (at the preview or the run). */
  encoding: FileEncoding | null
  receivedBytes: number
  nextIndex: number
  status: ImportStatus
  /** Fields the run mapped to a column (unmapped ones keep a registered unit's value). */
  mappedFields: Set<ImportField>
  /** A finished run's rejected rows as read from the file, with its header, for the rejected-rows file. */
  rejectedRows: { headers: string[]; rows: RejectedRow[] } | null
  cancelRequested: boolean
  /** Settles when a run ends (done, cancelled or failed). */
  finished: Promise<void> | null
}

const jobsByApp = new WeakMap<AppContext, Map<string, ImportJob>>()

/** Jobs that ended are forgotten after two hours; a file still uploading by then is abandoned. */
const KEEP_MS = 2 * 60 * 60 * 1000

export function jobsOf(app: AppContext): Map<string, ImportJob> {
  let jobs = jobsByApp.get(app)
  if (!jobs) {
    jobs = new Map()
    jobsByApp.set(app, jobs)
    // Nothing is being imported yet: what an earlier run left is taken back out (openApp did at
    // start-up; a database restored since may hold more).
    revertUnfinishedImports(app.sqlite)
  }
  return jobs
}

export function createJob(
  app: AppContext,
  now: Date,
  fileName: string,
  totalBytes: number,
  actorId: string | null
): ImportJob {
  const jobs = jobsOf(app)
  for (const [id, job] of jobs) {
    const running = job.status.phase === 'checking' || job.status.phase === 'applying'
    // One file at a time per person: starting another lets go of their previous upload or result.
    const superseded = job.actorId !== null && job.actorId === actorId
    if (!running && (superseded || now.getTime() - job.createdAt > KEEP_MS)) {
      job.upload.discard()
      jobs.delete(id)
    }
  }
  const id = uuidv7(now.getTime())
  const job: ImportJob = {
    id,
    fileName,
    totalBytes,
    actorId,
    createdAt: now.getTime(),
    upload: new UploadFile(uploadFolder(app), id),
    encoding: null,
    receivedBytes: 0,
    nextIndex: 0,
    status: { phase: 'uploading', processedRows: 0, totalRows: null, result: null, errorKey: null },
    mappedFields: new Set(),
    rejectedRows: null,
    cancelRequested: false,
    finished: null
  }
  jobs.set(job.id, job)
  return job
}

export function getJob(app: AppContext, jobId: string): ImportJob {
  const job = jobsOf(app).get(jobId)
  if (!job) throw new AppError('NOT_FOUND', 'warranty.import.jobNotFound')
  return job
}

/** A copy, so a caller never sees the job's status change under it. */
export function statusOf(job: ImportJob): ImportStatus {
  return { ...job.status }
}

export async function encodingOf(job: ImportJob): Promise<FileEncoding> {
  job.encoding ??= await detectEncodingOfPiecesInTurns(job.upload)
  return job.encoding
}
