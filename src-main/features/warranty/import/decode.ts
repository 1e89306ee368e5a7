import type { ImportPreview } from '../../../../src-shared/contract/warranty'

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
