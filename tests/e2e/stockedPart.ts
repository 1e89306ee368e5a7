import type { ShopHost } from './fixtures'

export interface StockedPart {
  id: string
  partNumber: string
}

/**
 * A part on the shelf, arranged through the API as the admin: created (on no bin, with no barcode and no
 * reorder point unless given), then, when `quantity` is above 0, received
 * from the brand's parts centre at its cost under `RK-<part number>`.
 */
export async function stockedPart(
  host: ShopHost,
  token: string,
  fields: {
    partNumber: string
    name: string
    priceFen: number
    costFen: number
    quantity: number
    bin?: string
    barcodes?: string[]
    reorderPoint?: number
    reorderQuantity?: number
    serialTracked?: boolean
    returnFaulty?: boolean
    /** A serial-tracked part's serials, one per unit received. */
    serials?: string[]
    /** The catalogue models it fits (适用机型). */
    compatibleModelIds?: string[]
  }
): Promise<StockedPart> {
  const part = await host.rpc<StockedPart>(
    'parts.create',
    {
      partNumber: fields.partNumber,
      name: fields.name,
      binLocation: fields.bin ?? '',
      barcodes: fields.barcodes ?? [],
      sellingPriceFen: fields.priceFen,
      // A brand-supplied part used only under warranty is priced ¥0 on purpose.
      zeroPriceConfirmed: fields.priceFen === 0,
      costPriceFen: fields.costFen,
      reorderPoint: fields.reorderPoint ?? 0,
      reorderQuantity: fields.reorderQuantity ?? 0,
      serialTracked: fields.serialTracked ?? false,
      returnFaulty: fields.returnFaulty ?? false,
      compatibleModelIds: fields.compatibleModelIds ?? []
    },
    token
  )
  if (fields.quantity > 0) {
    await host.rpc(
      'parts.receive',
      {
        reference: `RK-${fields.partNumber}`,
        supplier: '华为授权配件中心',
        lines: [
          { partId: part.id, quantity: fields.quantity, unitCostFen: fields.costFen, serials: fields.serials ?? [] }
        ]
      },
      token
    )
  }
  return { id: part.id, partNumber: part.partNumber }
}
