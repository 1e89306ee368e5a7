import { formatYuan } from '../../src-shared/domain/money'

/** ¥ from integer fen, as the shops read it: "¥12,345.00". */
export const yuan = formatYuan

/** A time as the reader's local date and minute. */
export function dateTime(iso: string | null): string {
  if (!iso) return '—'
  const date = new Date(iso)
  const pad = (n: number) => n.toString().padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}
