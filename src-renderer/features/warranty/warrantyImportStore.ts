import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ImportField, ImportPreview, ImportStatus, Input } from '../../../src-shared/contract'
import { call } from '../../api/client'
import { i18n } from '../../i18n'

/** Files travel in 1 MiB pieces (base64 on the wire), so any size fits through either host. */
export const CHUNK_BYTES = 1024 * 1024
const POLL_MS = 300
const FINISHED: ReadonlySet<ImportStatus['phase']> = new Set(['done', 'cancelled', 'failed'])

export type ImportStep = 'choose' | 'uploading' | 'mapping' | 'running' | 'finished'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const step = 0x8000
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step))
  return btoa(binary)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One import of a dealer's registry file: upload, preview and mapping, the run with its progress, the outcome. */
export const useWarrantyImportStore = defineStore('warrantyImport', () => {
  const step = ref<ImportStep>('choose')
  const fileName = ref('')
  const totalBytes = ref(0)
  const uploadedBytes = ref(0)
  const jobId = ref<string | null>(null)
  const preview = ref<ImportPreview | null>(null)
  const status = ref<ImportStatus | null>(null)
  /** Bumped whenever the import starts over, so a loop of the previous one stops. */
  let generation = 0

  function isCurrent(ticket: number): boolean {
    return ticket === generation
  }

  /** Sends the file piece by piece, then asks for the preview (encoding, headers, sample, guessed mapping). */
  async function upload(file: File): Promise<void> {
    const ticket = ++generation
    step.value = 'uploading'
    fileName.value = file.name
    totalBytes.value = file.size
    uploadedBytes.value = 0
    preview.value = null
    status.value = null
    try {
      const { jobId: id } = await call('warranty.importStart', { fileName: file.name, totalBytes: file.size })
      jobId.value = id
      for (let index = 0, offset = 0; offset < file.size; index++, offset += CHUNK_BYTES) {
        if (!isCurrent(ticket)) return
        const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer())
        const { receivedBytes } = await call('warranty.importChunk', { jobId: id, index, data: toBase64(bytes) })
        uploadedBytes.value = receivedBytes
      }
      if (!isCurrent(ticket)) return
      const answer = await call('warranty.importPreview', { jobId: id })
      if (!isCurrent(ticket)) return
      preview.value = answer
      step.value = 'mapping'
    } catch (error) {
      if (isCurrent(ticket)) step.value = 'choose'
      throw error
    }
  }

  /** Checks and applies the rows, polling the progress until the job is done, cancelled or failed. */
  async function run(
    mapping: Partial<Record<ImportField, number>>,
    defaults: Pick<Input<'warranty.importRun'>, 'defaultCategory' | 'defaultBrand'>
  ): Promise<void> {
    const id = jobId.value
    if (!id) return
    const ticket = generation
    step.value = 'running'
    try {
      status.value = await call('warranty.importRun', { jobId: id, mapping, ...defaults })
      while (isCurrent(ticket) && status.value && !FINISHED.has(status.value.phase)) {
        await sleep(POLL_MS)
        if (!isCurrent(ticket)) return
        const next = await call('warranty.importStatus', { jobId: id })
        if (isCurrent(ticket)) status.value = next
      }
      if (isCurrent(ticket)) step.value = 'finished'
    } catch (error) {
      if (isCurrent(ticket)) step.value = 'mapping'
      throw error
    }
  }

  /** Stops the running job before it is applied; the polling loop sees the cancelled phase and ends. */
  async function cancel(): Promise<void> {
    if (!jobId.value) return
    const answer = await call('warranty.importCancel', { jobId: jobId.value })
    if (status.value === null || !FINISHED.has(status.value.phase)) status.value = answer
  }

  /** The finished run's rejected rows as a CSV, written in the reader's language as the exports are. */
  async function rejectedFile(): Promise<string> {
    if (!jobId.value) return ''
    return (await call('warranty.importRejectedFile', { jobId: jobId.value, language: i18n.global.locale.value })).csv
  }

  /** Back to choosing a file; a job not yet applied is cancelled on the way. */
  function reset(): void {
    generation++
    const id = jobId.value
    const unfinished = id !== null && (status.value === null || !FINISHED.has(status.value.phase))
    if (unfinished) void call('warranty.importCancel', { jobId: id }).catch(() => undefined)
    step.value = 'choose'
    fileName.value = ''
    totalBytes.value = 0
    uploadedBytes.value = 0
    jobId.value = null
    preview.value = null
    status.value = null
  }

  return {
    step,
    fileName,
    totalBytes,
    uploadedBytes,
    jobId,
    preview,
    status,
    upload,
    run,
    cancel,
    rejectedFile,
    reset
  }
})
