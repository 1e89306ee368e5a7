import { PAPERS, type DocumentType, type Paper } from '../../src-shared/domain/paper'
import { formatFen } from '../../src-shared/domain/money'
import { formatShopDateTime } from '../../src-shared/domain/timeZone'

/**
 * How a document sits on its paper:
 * - `flow`: A4/A5 documents that run on over as many pages as they need, inside the @page margin;
 * - `fixed`: pages of exactly the paper's size drawn by the template (labels, the claim receipt's
 *   two parts), with no @page margin;
 * - `roll`: receipt rolls, one page as long as the content. CSS cannot say "80 mm wide, as long
 *   as it is" (`size: 80mm auto` is invalid), so once drawn the page measures its content and
 *   sets `@page { size: 80mm <height>mm }` itself, and publishes both on
 *   `body[data-page-width-mm][data-page-height-mm]` for whoever renders it to a printer or PDF
 *   (the desktop shell, Playwright's `page.pdf({ width, height })`).
 */
export type LayoutKind = 'flow' | 'fixed' | 'roll'

export interface PageLayout {
  kind: LayoutKind
  /** The @page margin; fixed and roll layouts keep their margins inside the page. */
  marginMm: number
}

export function pageLayout(documentType: DocumentType, paper: Paper): PageLayout {
  if (PAPERS[paper].heightMm === null) return { kind: 'roll', marginMm: 0 }
  if (documentType === 'device_label' || documentType === 'claim_receipt') return { kind: 'fixed', marginMm: 0 }
  return { kind: 'flow', marginMm: paper === 'a5' ? 10 : 14 }
}

/** The width the content may take on a roll: the printable width of common 80 and 58 mm printers. */
export const ROLL_CONTENT_MM: Partial<Record<Paper, number>> = { roll_80: 72, roll_58: 48 }

/** Yuan with two decimals and the thousands grouped, e.g. 1,234.50; negative amounts keep their sign. */
export const yuan = (fen: number): string => formatFen(fen)

/** An amount taken off a total, shown as such: "-12.00" (nothing taken off shows "0.00"). */
export const minusYuan = (fen: number): string => (fen === 0 ? formatFen(0) : formatFen(-Math.abs(fen)))

export const shopDateTime = (iso: string | null, timeZone: string): string =>
  iso ? formatShopDateTime(iso, timeZone) : ''

/** A mainland mobile on the customer's own copy: 138****8000. */
export function maskMobile(mobile: string | null): string {
  if (!mobile) return ''
  const digits = mobile.replace(/\s/g, '')
  return digits.length >= 11 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : digits
}
