import type { CsvRecord } from './csv'
import { countCsvRecords, detectDelimiter, parseCsv } from './csv'
import { readText, signatureOf, type FileEncoding } from './decode'
import { readXlsxRows } from './xlsx'

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A file's records (the header first), read lazily for text files, with the count for progress. */
export interface RowSource {
  encoding: FileEncoding
  records: Iterable<CsvRecord>
  /** Non-blank records including the header. */
  recordCount: number
}

export async function openRows(bytes: Uint8Array): Promise<RowSource> {
  if (signatureOf(bytes) === 'xlsx') {
    const records = await readXlsxRows(bytes)
    return { encoding: 'xlsx', records, recordCount: records.length }
  }
  const { encoding, text } = readText(bytes)
  // Decoding and counting a large file take a few hundred milliseconds each: let others in between.
  await nextTurn()
  const delimiter = detectDelimiter(text)
  const recordCount = countCsvRecords(text, delimiter)
  await nextTurn()
  return { encoding, records: parseCsv(text, delimiter), recordCount }
}

/** The first records only, for the mapping step (text files are decoded whole to detect the encoding). */
export async function firstRecords(
  bytes: Uint8Array,
  count: number
): Promise<{ encoding: FileEncoding; records: CsvRecord[] }> {
  if (signatureOf(bytes) === 'xlsx') {
    const records = await readXlsxRows(bytes)
    return { encoding: 'xlsx', records: records.slice(0, count) }
  }
  const { encoding, text } = readText(bytes)
  const records: CsvRecord[] = []
  for (const record of parseCsv(text)) {
    records.push(record)
    if (records.length >= count) break
  }
  return { encoding, records }
}
