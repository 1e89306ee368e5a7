import type { CsvRecord } from './csv'
import { CsvPieceReader, CsvRecordCounter, detectDelimiterInBytes } from './csv'
import { textDecoderFor, type FileEncoding } from './decode'
import { readXlsxRows } from './xlsx'

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Counting the records yields to other calls after about this many bytes. */
const COUNT_SLICE_BYTES = 1024 * 1024
const EMPTY = Buffer.alloc(0)

/** A file's records (the header first) in batches, read once, with the count for progress. */
export interface RowSource {
  encoding: FileEncoding
  /** Non-blank records including the header. */
  recordCount: number
  batches: AsyncIterable<CsvRecord[]>
}

/** The pieces of a file as one buffer: only an .xlsx (a ZIP archive) needs it whole. */
function joined(pieces: readonly Buffer[]): Buffer {
  return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces)
}

/** The pieces with the first `skip` bytes (a byte-order mark) left out. */
function* afterBom(pieces: Buffer[], skip: number): Generator<{ index: number; bytes: Buffer }> {
  let left = skip
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!
    const from = Math.min(left, piece.length)
    left -= from
    yield { index, bytes: from === 0 ? piece : piece.subarray(from) }
  }
}

/**
 * Reads a text file as it was uploaded, in pieces: counts its records over the bytes (yielding
 * to other calls as it goes), then decodes each piece once, streaming, and hands out the records
 * in batches of about `batchSize`. With `release`, each piece is let go of once decoded, so the
 * upload's memory shrinks as the file is read. An .xlsx is read whole.
 */
export async function openRows(
  pieces: Buffer[],
  encoding: FileEncoding,
  batchSize: number,
  release: boolean
): Promise<RowSource> {
  if (encoding === 'xlsx') {
    const records = await readXlsxRows(joined(pieces))
    return {
      encoding,
      recordCount: records.length,
      batches: (async function* () {
        for (let from = 0; from < records.length; from += batchSize) yield records.slice(from, from + batchSize)
      })()
    }
  }
  const { skipBytes, decoder } = textDecoderFor(encoding)
  const unitBytes = encoding === 'utf-16le' ? 2 : 1
  const first = afterBom(pieces, skipBytes).next()
  const delimiter = first.done ? ',' : detectDelimiterInBytes(first.value.bytes, unitBytes)

  const counter = new CsvRecordCounter(delimiter, unitBytes)
  let sinceTurn = 0
  for (const { bytes } of afterBom(pieces, skipBytes)) {
    counter.add(bytes)
    sinceTurn += bytes.length
    if (sinceTurn >= COUNT_SLICE_BYTES) {
      sinceTurn = 0
      await nextTurn()
    }
  }

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    const reader = new CsvPieceReader(delimiter)
    let batch: CsvRecord[] = []
    for (const { index, bytes } of afterBom(pieces, skipBytes)) {
      const last = index === pieces.length - 1
      const text = decoder.decode(bytes, { stream: !last })
      if (release) pieces[index] = EMPTY
      for (const record of reader.read(text, last)) {
        batch.push(record)
        if (batch.length >= batchSize) {
          yield batch
          batch = []
        }
      }
    }
    if (batch.length > 0) yield batch
  }
  return { encoding, recordCount: counter.total(), batches: batches() }
}

/** The first records only, for the mapping step: the text is decoded only as far as they go. */
export async function firstRecords(pieces: Buffer[], encoding: FileEncoding, count: number): Promise<CsvRecord[]> {
  if (encoding === 'xlsx') return (await readXlsxRows(joined(pieces))).slice(0, count)
  const { skipBytes, decoder } = textDecoderFor(encoding)
  const unitBytes = encoding === 'utf-16le' ? 2 : 1
  const first = afterBom(pieces, skipBytes).next()
  const reader = new CsvPieceReader(first.done ? ',' : detectDelimiterInBytes(first.value.bytes, unitBytes))
  const records: CsvRecord[] = []
  for (const { index, bytes } of afterBom(pieces, skipBytes)) {
    const last = index === pieces.length - 1
    records.push(...reader.read(decoder.decode(bytes, { stream: !last }), last))
    if (records.length >= count) break
  }
  return records.slice(0, count)
}
