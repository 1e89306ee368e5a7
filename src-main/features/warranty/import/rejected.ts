import type { ImportRejection } from '../../../../src-shared/contract/warranty'
import { printableText } from '../../../../src-shared/domain/printableText'
import { reasonText } from './validate'

/** Quoted where needed; control characters from the file are dropped (the rows are written out again). */
function csvField(raw: string): string {
  const value = printableText(raw)
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * The rejected rows as a file to fix and import again: UTF-8 with a BOM (so Excel on Chinese
 * Windows opens it right), the original columns, and one more column with the line and reason.
 */
export function rejectedRowsCsv(headers: string[], rows: { fields: string[]; rejection: ImportRejection }[]): string {
  const width = headers.length
  const lines = [[...headers, '错误原因'].map(csvField).join(',')]
  for (const { fields, rejection } of rows) {
    const cells = fields.length >= width ? fields : [...fields, ...Array<string>(width - fields.length).fill('')]
    lines.push([...cells, `第${rejection.line}行：${reasonText(rejection)}`].map(csvField).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
