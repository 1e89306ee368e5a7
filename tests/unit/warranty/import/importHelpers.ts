import type { AppContext } from '../../../../src-main/app/context'
import { importSettled } from '../../../../src-main/features/warranty/import/service'
import { dispatch } from '../../../../src-main/rpc/dispatch'
import type {
  AppErrorData,
  ImportPreview,
  ImportStatus,
  Input,
  OperationName,
  Output
} from '../../../../src-shared/contract'
import { handlers } from '../../helpers'

export async function importCall<K extends OperationName>(
  app: AppContext,
  token: string,
  operation: K,
  input: Input<K>
): Promise<Output<K>> {
  const result = await dispatch(app, handlers, { operation, input, token })
  if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`)
  return result.data as Output<K>
}

export async function importCallError(
  app: AppContext,
  token: string,
  operation: string,
  input: unknown
): Promise<AppErrorData> {
  const result = await dispatch(app, handlers, { operation, input, token })
  if (result.ok) throw new Error(`${operation} unexpectedly succeeded`)
  return result.error
}

/** Uploads a file in pieces of `chunkSize` bytes, as the UI does. */
export async function upload(
  app: AppContext,
  token: string,
  fileName: string,
  bytes: Uint8Array,
  chunkSize = 64 * 1024
): Promise<string> {
  const { jobId } = await importCall(app, token, 'warranty.importStart', { fileName, totalBytes: bytes.length })
  for (let offset = 0, index = 0; offset < bytes.length; offset += chunkSize, index++) {
    const data = Buffer.from(bytes.subarray(offset, offset + chunkSize)).toString('base64')
    await importCall(app, token, 'warranty.importChunk', { jobId, index, data })
  }
  return jobId
}

export interface ImportOutcome {
  jobId: string
  preview: ImportPreview
  status: ImportStatus
}

/** Upload, preview, run with the suggested mapping (or the one given), and wait for the end. */
export async function importFile(
  app: AppContext,
  token: string,
  fileName: string,
  bytes: Uint8Array,
  options: {
    mapping?: ImportPreview['suggestedMapping']
    defaultCategory?: Input<'warranty.importRun'>['defaultCategory']
    defaultBrand?: string
    chunkSize?: number
  } = {}
): Promise<ImportOutcome> {
  const jobId = await upload(app, token, fileName, bytes, options.chunkSize)
  const preview = await importCall(app, token, 'warranty.importPreview', { jobId })
  const started = await importCall(app, token, 'warranty.importRun', {
    jobId,
    mapping: options.mapping ?? preview.suggestedMapping,
    defaultCategory: options.defaultCategory ?? null,
    defaultBrand: options.defaultBrand ?? ''
  })
  if (started.phase !== 'checking') throw new Error(`run started in phase ${started.phase}`)
  await importSettled(app, jobId)
  const status = await importCall(app, token, 'warranty.importStatus', { jobId })
  return { jobId, preview, status }
}

export const utf8 = (text: string) => new TextEncoder().encode(text)
export const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])

export interface UnitRow {
  serial: string
  brand: string
  model: string
  category_key: string
  card_number: string | null
  purchase_date: string | null
  invoice_number: string
  dealer: string
  production_date: string | null
  buyer_name: string
  buyer_phone: string
  activation_date: string | null
  source: string
}

export function units(app: AppContext): UnitRow[] {
  return app.sqlite
    .prepare(
      `SELECT u.serial, m.brand, m.model, m.category_key, u.card_number, u.purchase_date, u.invoice_number, u.dealer,
              u.production_date, u.buyer_name, u.buyer_phone, u.activation_date, u.source
       FROM warranty_units u JOIN product_models m ON m.id = u.model_id ORDER BY u.serial`
    )
    .all() as UnitRow[]
}

/** A finished import's rejected-rows file, as the person downloading it asks for it (Chinese unless told). */
export async function rejectedFile(
  app: AppContext,
  token: string,
  jobId: string,
  language: Input<'warranty.importRejectedFile'>['language'] = 'zh-CN'
): Promise<string> {
  return (await importCall(app, token, 'warranty.importRejectedFile', { jobId, language })).csv
}
