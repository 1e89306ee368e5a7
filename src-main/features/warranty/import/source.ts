import type { CsvRecord } from './csv'
import { CsvPieceReader, CsvRecordCounter, detectDelimiterInBytes } from './csv'
import { textDecoderFor, type FileEncoding } from './decode'
import { nextTurn } from './pacing'
import { readXlsxRows } from './xlsx'

/** Counting the records yields to other calls after about this many bytes. */
const COUNT_SLICE_BYTES = 1024 * 1024

/** A file's records (the header first) in batches, read once, with the count for progress. */
export interface RowSource {
  encoding: FileEncoding
  /** Non-blank records including the header. */
  recordCount: number
  batches: AsyncIterable<CsvRecord[]>
}

/** The pieces of a file as one buffer: only an .xlsx (a ZIP archive) needs it whole. */
function joined(pieces: Iterable<Buffer>): Buffer {
  return Buffer.concat([...pieces])
}

/**
 * The pieces with the first `skip` bytes (a byte-order mark) left out, each told whether it is
 * the last (a streaming decoder must know).
 */
function* afterBom(pieces: Iterable<Buffer>, skip: number): Generator<{ bytes: Buffer; last: boolean }> {
  let left = skip
  let previous: Buffer | null = null
  for (const piece of pieces) {
    const from = Math.min(left, piece.length)
    left -= from
    if (previous !== null) yield { bytes: previous, last: false }
    previous = from === 0 ? piece : piece.subarray(from)
  }
  yield { bytes: previous ?? Buffer.alloc(0), last: true }
}

/**
 * A piece is decoded a slice at a time: the text of a slice stays small enough for the young
 * generation of V8's heap, which is collected often and cheaply, while a text of more than about
 * 128 KiB goes straight to the large-object space, which only a full collection frees (a large
 * file would pile up hundreds of megabytes of such texts between two).
 */
const DECODE_SLICE_BYTES = 32 * 1024

function* decodeSlices(
  pieces: Iterable<{ bytes: Buffer; last: boolean }>
): Generator<{ bytes: Buffer; last: boolean }> {
  for (const { bytes, last } of pieces) {
    if (bytes.length <= DECODE_SLICE_BYTES) {
      yield { bytes, last }
      continue
    }
    for (let from = 0; from < bytes.length; from += DECODE_SLICE_BYTES) {
      const to = Math.min(bytes.length, from + DECODE_SLICE_BYTES)
      yield { bytes: bytes.subarray(from, to), last: last && to === bytes.length }
    }
  }
}

/** The delimiter, from the first line of the first piece. */
function delimiterOf(pieces: Iterable<Buffer>, skipBytes: number, unitBytes: 1 | 2): ',' | '\t' {
  for (const { bytes } of afterBom(pieces, skipBytes)) return detectDelimiterInBytes(bytes, unitBytes)
  return ','
}

/**
 * Reads a text file in the pieces it is stored in: counts its records over the bytes (yielding
 * to other calls as it goes), then decodes each piece once, streaming, and hands out the records
 * in batches of `batchSize()` records (asked before each batch, so the reader can pace itself);
 * no piece is kept once read. An .xlsx is read whole.
 */
export async function openRows(
  pieces: Iterable<Buffer>,
  encoding: FileEncoding,
  batchSize: () => number
): Promise<RowSource> {
  if (encoding === 'xlsx') {
    const records = await readXlsxRows(joined(pieces))
    return {
      encoding,
      recordCount: records.length,
      batches: (async function* () {
        for (let from = 0; from < records.length;) {
          const to = from + batchSize()
          yield records.slice(from, to)
          from = to
        }
      })()
    }
  }
  const { skipBytes, decoder } = textDecoderFor(encoding)
  const unitBytes = encoding === 'utf-16le' ? 2 : 1
  const delimiter = delimiterOf(pieces, skipBytes, unitBytes)

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
    let size = batchSize()
    for (const { bytes, last } of decodeSlices(afterBom(pieces, skipBytes))) {
      const text = decoder.decode(bytes, { stream: !last })
      for (const record of reader.read(text, last)) {
        batch.push(record)
        if (batch.length >= size) {
          yield batch
          batch = []
          size = batchSize()
        }
      }
    }
    if (batch.length > 0) yield batch
  }
  return { encoding, recordCount: counter.total(), batches: batches() }
}

/** The first records only, for the mapping step: the text is decoded only as far as they go. */
export async function firstRecords(
  pieces: Iterable<Buffer>,
  encoding: FileEncoding,
  count: number
): Promise<CsvRecord[]> {
  if (encoding === 'xlsx') return (await readXlsxRows(joined(pieces))).slice(0, count)
  const { skipBytes, decoder } = textDecoderFor(encoding)
  const unitBytes = encoding === 'utf-16le' ? 2 : 1
  const reader = new CsvPieceReader(delimiterOf(pieces, skipBytes, unitBytes))
  const records: CsvRecord[] = []
  for (const { bytes, last } of afterBom(pieces, skipBytes)) {
    records.push(...reader.read(decoder.decode(bytes, { stream: !last }), last))
    if (records.length >= count) break
  }
  return records.slice(0, count)
}
