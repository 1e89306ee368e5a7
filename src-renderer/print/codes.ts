import JsBarcode from 'jsbarcode'
import { create as createQr } from 'qrcode'

/**
 * Barcodes drawn as one SVG path in module units, so their printed size is exact in millimetres
 * whatever the printer's resolution: the width of one narrow bar (the X dimension) is chosen by
 * the template for its paper.
 */
export interface Code128 {
  /** Bars and spaces as 1s and 0s, start to stop (checksum included). */
  modules: string
  /** One `M x 0 h w v 1 h -w z` per bar, in module units, one unit high (scaled by the SVG). */
  path: string
}

export function code128(value: string): Code128 {
  const target: { encodings?: { data: string }[] } = {}
  // JsBarcode renders into a plain object when given one: only the encoding, no drawing.
  JsBarcode(target, value, { format: 'CODE128' })
  const modules = (target.encodings ?? []).map((encoding) => encoding.data).join('')
  let path = ''
  for (let x = 0; x < modules.length;) {
    if (modules[x] !== '1') {
      x++
      continue
    }
    let width = 0
    while (modules[x + width] === '1') width++
    path += `M${x} 0h${width}v1h-${width}z`
    x += width
  }
  return { modules, path }
}

export interface QrMatrix {
  size: number
  path: string
}

/** A QR code (error correction M) as one SVG path of unit squares. */
export function qrMatrix(value: string): QrMatrix {
  const { modules } = createQr(value, { errorCorrectionLevel: 'M' })
  let path = ''
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size;) {
      if (!modules.get(row, col)) {
        col++
        continue
      }
      let run = 0
      while (col + run < modules.size && modules.get(row, col + run)) run++
      path += `M${col} ${row}h${run}v1h-${run}z`
      col += run
    }
  }
  return { size: modules.size, path }
}
