/**
 * How wide a table column must be for its header to read on one line. Column widths are set for
 * the Chinese labels, two to four characters; the English ones run longer ("Variance value",
 * "Counted / total") and wrapped at 1366 px. A column's width is never less than its label's.
 */

/** Element Plus pads a cell 12 px each side; a header cell has a 1 px rule, and a pixel spare for rounding. */
const CELL_PADDING = 12 * 2 + 2

let context: CanvasRenderingContext2D | null | undefined
const measured = new Map<string, number>()

/** The width a header of `label` takes on one line, cell padding included (0 where nothing can measure, as in tests). */
export function labelWidth(label: string): number {
  if (label === '') return 0
  let width = measured.get(label)
  if (width === undefined) {
    context ??= document.createElement('canvas').getContext('2d')
    if (!context) return 0
    // Table headers are set in the page's face at 14 px, bold.
    context.font = `bold 14px ${getComputedStyle(document.body).fontFamily}`
    width = Math.ceil(context.measureText(label).width) + CELL_PADDING
    measured.set(label, width)
  }
  return width
}

/** `width` (a column's fixed or least width), widened to its label's when that is wider; undefined stays so. */
export function fittedWidth(label: string, width: number | undefined): number | undefined {
  return width === undefined ? undefined : Math.max(width, labelWidth(label))
}

/** The face of `.mono` (utilities.css), in which codes are set. */
const MONO_FACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'

/**
 * The width a column needs to show the longest of `codes` whole on one line, in the mono face at
 * `px` pixels, cell padding included (0 where nothing can measure). A code is never cut or broken:
 * two part numbers that differ only at their end must both read to the end.
 */
export function codesWidth(codes: readonly (string | null | undefined)[], px = 14): number {
  context ??= document.createElement('canvas').getContext('2d')
  if (!context) return 0
  context.font = `${px}px ${MONO_FACE}`
  let widest = 0
  for (const code of codes) if (code) widest = Math.max(widest, context.measureText(code).width)
  return widest === 0 ? 0 : Math.ceil(widest) + CELL_PADDING
}
