import type { QuoteAmounts } from './quote'

/** A part the job will charge for: issued and not returned, or asked for and not yet issued. */
export interface QuotablePart {
  partNumber: string
  partName: string
  quantity: number
  unitPriceFen: number
}

export interface QuoteDraftSources {
  /** What the technician found, as typed on the diagnosis. */
  diagnosis: string
  labour: readonly { description: string; priceFen: number }[]
  /** Issued lines: quantity issued, quantity returned, at the price checkout will charge. */
  issued: readonly {
    partNumber: string
    partName: string
    quantity: number
    returnedQuantity: number
    unitPriceFen: number
  }[]
  /** Requests: quantity asked for, quantity issued so far, at the catalogue's selling price now. */
  requested: readonly {
    partNumber: string
    partName: string
    quantity: number
    issuedQuantity: number
    status: 'open' | 'issued' | 'cancelled'
    unitPriceFen: number
  }[]
}

/** What a new quote starts from; the technician checks it, edits it and sends it. */
export interface QuoteDraft extends QuoteAmounts {
  note: string
}

/** The quote's note is one line of at most this many characters (the contract's limit). */
export const QUOTE_NOTE_MAX = 300

/**
 * The quote the job's own records already imply: the labour lines' prices, the parts the job holds
 * (issued less returned, at the price they were issued at) and the parts still asked for (at the
 * catalogue's price), no discount, and a note naming the diagnosis, the parts and the labour, so
 * the desk can tell the customer what the price covers. A part issued against a request is counted
 * once: the request counts only what is still to come.
 */
export function draftQuote(sources: QuoteDraftSources): QuoteDraft {
  const parts = quotableParts(sources)
  const note = [
    sources.diagnosis,
    parts.map((part) => `${part.partNumber} ${part.partName} ×${part.quantity}`).join(', '),
    sources.labour.map((line) => line.description).join(', ')
  ]
    .map(oneLine)
    .filter(Boolean)
    .join(' · ')
  return {
    labourFen: sources.labour.reduce((sum, line) => sum + line.priceFen, 0),
    partsFen: parts.reduce((sum, part) => sum + part.quantity * part.unitPriceFen, 0),
    discountFen: 0,
    note: shortened(note, QUOTE_NOTE_MAX)
  }
}

function quotableParts(sources: QuoteDraftSources): QuotablePart[] {
  const held = sources.issued
    .map((line) => ({ ...line, quantity: line.quantity - line.returnedQuantity }))
    .filter((line) => line.quantity > 0)
  const awaited = sources.requested
    .filter((request) => request.status === 'open')
    .map((request) => ({ ...request, quantity: request.quantity - request.issuedQuantity }))
    .filter((request) => request.quantity > 0)
  return [...held, ...awaited].map(({ partNumber, partName, quantity, unitPriceFen }) => ({
    partNumber,
    partName,
    quantity,
    unitPriceFen
  }))
}

/** The note is a single line: line breaks and runs of spaces in what was typed become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** At most `max` UTF-16 units, ending in an ellipsis when cut, never splitting a character. */
function shortened(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}…`
}
