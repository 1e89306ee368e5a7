import { Readable } from 'node:stream'
import { csvRecord, type CsvCell } from '../../../src-shared/domain/spreadsheetText'

/** A byte-order mark first, so Excel reads the UTF-8 (Chinese names) correctly. */
const BOM = '\uFEFF'
/** Records per chunk: small enough to keep memory flat, large enough not to crawl. */
const RECORDS_PER_CHUNK = 500

/**
 * A CSV file produced as it is read: the archive pulls one chunk of records at a time, so a table
 * of a million jobs never sits in memory whole, and the event loop serves the desks between chunks.
 */
export function csvStream(header: readonly string[], records: Iterable<readonly CsvCell[]>): Readable {
  const iterator = records[Symbol.iterator]()
  let started = false
  return new Readable({
    read() {
      let chunk = started ? '' : BOM + csvRecord(header)
      started = true
      for (let i = 0; i < RECORDS_PER_CHUNK; i++) {
        const next = iterator.next()
        if (next.done) {
          if (chunk) this.push(chunk)
          this.push(null)
          return
        }
        chunk += csvRecord(next.value)
      }
      this.push(chunk)
    },
    destroy(error, callback) {
      // A failed archive stops reading; the open statement is released.
      iterator.return?.()
      callback(error)
    }
  })
}
