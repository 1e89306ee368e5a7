import { pinyinInitials } from '../search/searchText'

export interface SearchablePart {
  partNumber: string
  name: string
  barcodes: string[]
  models: { brand: string; model: string }[]
}

/** The one text search-as-you-type scans: number, name, its pinyin initials, barcodes, models. */
export function partSearchText(part: SearchablePart): string {
  return [
    part.partNumber.toLowerCase(),
    part.name.toLowerCase(),
    ...pinyinInitials(part.name),
    ...part.barcodes.map((barcode) => barcode.toLowerCase()),
    ...part.models.map((model) => `${model.brand} ${model.model}`.toLowerCase())
  ].join(' ')
}
