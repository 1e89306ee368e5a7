/**
 * Human document numbers, unique per shop: PREFIX-YYMMDD-NNNN, e.g. WO-260123-0042.
 * The counter restarts every shop-local day; the sequence store hands out `value`.
 */
export function formatDocumentNumber(prefix: string, shopDate: string, value: number): string {
  const [year, month, day] = shopDate.split('-')
  if (!year || !month || !day) throw new Error(`not a YYYY-MM-DD date: ${shopDate}`)
  return `${prefix}-${year.slice(2)}${month}${day}-${String(value).padStart(4, '0')}`
}
