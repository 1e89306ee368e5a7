import JSZip from 'jszip'

/** An exported archive opened again: each CSV file parsed by RFC 4180 (quotes, doubled quotes, line breaks). */
export interface OpenedArchive {
  names: string[]
  raw: Record<string, Buffer>
  /** Every record of a file, the header first. */
  records: Record<string, string[][]>
  readme: string
}

export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += char
  }
  if (field || record.length) throw new Error('the last record is not ended by CRLF')
  return records
}

export async function openArchive(base64: string): Promise<OpenedArchive> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'))
  const names = Object.keys(zip.files).sort()
  const raw: Record<string, Buffer> = {}
  const records: Record<string, string[][]> = {}
  for (const name of names) {
    raw[name] = await zip.file(name)!.async('nodebuffer')
    if (name.endsWith('.csv')) records[name] = parseCsv(raw[name].toString('utf8').replace(/^\uFEFF/, ''))
  }
  return { names, raw, records, readme: raw['README.txt']?.toString('utf8') ?? '' }
}

/** A file's records as objects keyed by the header. */
export function rowsOf(archive: OpenedArchive, file: string): Record<string, string>[] {
  const [header, ...rows] = archive.records[file] ?? []
  if (!header) throw new Error(`${file} is not in the archive`)
  return rows.map((row) => Object.fromEntries(header.map((title, index) => [title, row[index] ?? ''])))
}
