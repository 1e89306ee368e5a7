import type { ImportPreview } from '../../../../src-shared/contract/warranty'
import { isUtf8 } from 'node:buffer'

export type FileEncoding = ImportPreview['encoding']

/**
 * What a dealer's file is: an .xlsx (a ZIP), or text in the encodings Excel and dealers' systems
 * write on Chinese Windows. Text without a BOM that is not valid UTF-8 is taken as GB18030, the
 * superset of GBK that "ANSI" means there.
 */
export function detectEncoding(bytes: Uint8Array): FileEncoding {
  const signature = signatureOf(bytes)
  if (signature !== null) return signature
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** What the first bytes alone tell: a ZIP (xlsx) or a byte-order mark. */
export function signatureOf(bytes: Uint8Array): 'xlsx' | 'utf-8-bom' | 'utf-16le' | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx'
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom'
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/** Detects and decodes in one pass over the bytes where it can (valid UTF-8 is decoded once). */
export function readText(bytes: Uint8Array): { encoding: Exclude<FileEncoding, 'xlsx'>; text: string } {
  const signature = signatureOf(bytes)
  if (signature === 'xlsx') throw new Error('readText: an xlsx file is not text')
  if (signature !== null) return { encoding: signature, text: decodeText(bytes, signature) }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { encoding: 'gb18030', text: decodeText(bytes, 'gb18030') }
  }
}

/** The text of a non-xlsx file, without its BOM. */
export function decodeText(bytes: Uint8Array, encoding: Exclude<FileEncoding, 'xlsx'>): string {
  switch (encoding) {
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(bytes.subarray(3))
    case 'utf-16le':
      return new TextDecoder('utf-16le').decode(bytes.subarray(2))
    case 'utf-8':
      return new TextDecoder('utf-8').decode(bytes)
    case 'gb18030':
      return new TextDecoder('gb18030').decode(bytes)
  }
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80

/** How many bytes a UTF-8 sequence starting with this byte has (0: not a lead byte). */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1
  if (byte >= 0xc2 && byte <= 0xdf) return 2
  if (byte >= 0xe0 && byte <= 0xef) return 3
  if (byte >= 0xf0 && byte <= 0xf4) return 4
  return 0
}

/**
 * Whether pieces of a file, taken together, are valid UTF-8, checked natively piece by piece
 * without joining or decoding them: a character cut between two pieces is checked on its own.
 */
class Utf8Check {
  private carry: Uint8Array = new Uint8Array(0)
  valid = true

  add(piece: Uint8Array): void {
    if (!this.valid) return
    let from = 0
    if (this.carry.length > 0) {
      // The rest of the cut character: the continuation bytes this piece starts with.
      while (from < piece.length && from < 3 && isContinuation(piece[from]!)) from++
      const head = new Uint8Array(this.carry.length + from)
      head.set(this.carry)
      head.set(piece.subarray(0, from), this.carry.length)
      if (from === piece.length && head.length < sequenceLength(head[0]!)) {
        this.carry = head
        return
      }
      if (!isUtf8(head)) {
        this.valid = false
        return
      }
    }
    // A character the piece ends inside is left for the next piece.
    let to = piece.length
    for (let back = piece.length - 1; back >= Math.max(from, piece.length - 4); back--) {
      if (isContinuation(piece[back]!)) continue
      if (sequenceLength(piece[back]!) > piece.length - back) to = back
      break
    }
    if (!isUtf8(piece.subarray(from, to))) this.valid = false
    this.carry = piece.slice(to)
  }

  /** Valid once every piece was added (a character cut off at the end is not). */
  end(): boolean {
    return this.valid && this.carry.length === 0
  }
}

/** What the first four bytes of a file say (a ZIP or a byte-order mark), or null. */
function signatureOfPieces(pieces: Iterable<Uint8Array>): ReturnType<typeof signatureOf> {
  const head = new Uint8Array(4)
  let filled = 0
  for (const piece of pieces) {
    const take = Math.min(piece.length, 4 - filled)
    head.set(piece.subarray(0, take), filled)
    filled += take
    if (filled === 4) break
  }
  return signatureOf(head.subarray(0, filled))
}

/** detectEncoding for a file held in pieces (read twice at most: its start, then all of it). */
export function detectEncodingOfPieces(pieces: Iterable<Uint8Array>): FileEncoding {
  const signature = signatureOfPieces(pieces)
  if (signature !== null) return signature
  const check = new Utf8Check()
  for (const piece of pieces) {
    check.add(piece)
    if (!check.valid) break
  }
  return check.end() ? 'utf-8' : 'gb18030'
}

/** The same, letting other calls in every few megabytes (a large file takes a while to check). */
export async function detectEncodingOfPiecesInTurns(pieces: Iterable<Uint8Array>): Promise<FileEncoding> {
  const signature = signatureOfPieces(pieces)
  if (signature !== null) return signature
  const check = new Utf8Check()
  let sinceTurn = 0
  for (const piece of pieces) {
    check.add(piece)
    if (!check.valid) break
    sinceTurn += piece.length
    if (sinceTurn >= 2 * 1024 * 1024) {
      sinceTurn = 0
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }
  return check.end() ? 'utf-8' : 'gb18030'
}

/** The byte-order mark's length, and the decoder's label, of a text encoding. */
export function textDecoderFor(encoding: Exclude<FileEncoding, 'xlsx'>): {
  skipBytes: number
  decoder: InstanceType<typeof TextDecoder>
} {
  switch (encoding) {
    case 'utf-8-bom':
      return { skipBytes: 3, decoder: new TextDecoder('utf-8') }
    case 'utf-16le':
      return { skipBytes: 2, decoder: new TextDecoder('utf-16le') }
    case 'utf-8':
      return { skipBytes: 0, decoder: new TextDecoder('utf-8') }
    case 'gb18030':
      return { skipBytes: 0, decoder: new TextDecoder('gb18030') }
  }
}
