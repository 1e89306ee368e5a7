/**
 * The documents the shop prints and the papers each may go on. Sizes are in millimetres; a
 * receipt roll has a width and grows as long as its content.
 */
export const PAPERS = {
  a4: { widthMm: 210, heightMm: 297 },
  a5: { widthMm: 148, heightMm: 210 },
  roll_80: { widthMm: 80, heightMm: null },
  roll_58: { widthMm: 58, heightMm: null },
  label_50x30: { widthMm: 50, heightMm: 30 },
  label_40x30: { widthMm: 40, heightMm: 30 }
} as const satisfies Record<string, { widthMm: number; heightMm: number | null }>
export type Paper = keyof typeof PAPERS
export const PAPER_NAMES = Object.keys(PAPERS) as Paper[]

export const DOCUMENT_PAPERS = {
  claim_receipt: ['a4', 'a5'],
  device_label: ['label_50x30', 'label_40x30'],
  payment_receipt: ['roll_80', 'roll_58', 'a4'],
  warranty_slip: ['a4', 'a5', 'roll_80'],
  day_close_report: ['a4', 'roll_80'],
  counter_receipt: ['roll_80', 'roll_58', 'a4'],
  accessory_slip: ['roll_80', 'roll_58', 'a4'],
  packing_list: ['a4']
} as const satisfies Record<string, readonly Paper[]>
export type DocumentType = keyof typeof DOCUMENT_PAPERS
export const DOCUMENT_TYPES = Object.keys(DOCUMENT_PAPERS) as DocumentType[]

export function paperFits(documentType: DocumentType, paper: Paper): boolean {
  return (DOCUMENT_PAPERS[documentType] as readonly Paper[]).includes(paper)
}

export function defaultPaper(documentType: DocumentType): Paper {
  return DOCUMENT_PAPERS[documentType][0]
}

/**
 * The renderer route of a print page kept ready between documents: it draws nothing until asked
 * to render a document's route (the desktop shell's print window; see print/keptPage.ts).
 */
export const PRINT_STANDBY_ROUTE = '/print'

/** The renderer route that draws a document, as the preview and the desktop printer load it. */
export function printRoute(documentType: DocumentType, entityId: string, paper: Paper, printNumber = 0): string {
  const query = new URLSearchParams({ paper })
  if (printNumber > 0) query.set('print', String(printNumber))
  return `/print/${documentType}/${entityId}?${query.toString()}`
}
