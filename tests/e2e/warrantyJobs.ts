import type { ShopHost } from './fixtures'

export interface WarrantyJobStory {
  customer: { name: string; mobile: string }
  serial: string
  reportedFault: string
  cracked?: boolean
  /** A part received into stock and issued to the job before it is finished. */
  part?: { partNumber: string; name: string; sellingPriceFen: number; costPriceFen: number }
}

/**
 * A phone under warranty taken in, diagnosed and repaired with 40 minutes' labour (and the part,
 * when given), arranged through the API: it waits at the counter, ready for pick-up.
 */
export async function warrantyJobReadyForPickup(
  host: ShopHost,
  token: string,
  story: WarrantyJobStory
): Promise<{ id: string; number: string }> {
  const { workOrder } = await host.rpc<{ workOrder: { id: string; number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: story.customer },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: story.serial } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: story.reportedFault,
      symptomCode: 'S01',
      condition: { scratches: false, cracks: story.cracked ?? false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' },
      depositFen: 0,
      depositMethod: 'cash'
    },
    token
  )
  const id = workOrder.id
  const move = (to: string) => host.rpc('workOrders.transition', { id, to }, token)
  await move('diagnosing')
  await move('repairing')
  await host.rpc('workOrders.addLabour', { id, description: '更换屏幕', minutes: 40, priceFen: 6_000 }, token)
  if (story.part) {
    const part = await host.rpc<{ id: string }>('parts.create', { ...story.part, barcodes: [] }, token)
    await host.rpc(
      'parts.receive',
      { reference: 'WJ-1', lines: [{ partId: part.id, quantity: 1, unitCostFen: story.part.costPriceFen }] },
      token
    )
    await host.rpc('workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, token)
  }
  await move('quality_check')
  await move('ready_for_pickup')
  return workOrder
}
