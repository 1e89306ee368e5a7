/** ¥ from integer fen, two decimals. */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}

/** A time as the reader's local date and minute. */
export function dateTime(iso: string | null): string {
  if (!iso) return '—'
  const date = new Date(iso)
  const pad = (n: number) => n.toString().padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}
