import type { ImportRejection } from '../../../../src-shared/contract/warranty'
import { reasonText } from './validate'

function csvField(value: string): string {
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
