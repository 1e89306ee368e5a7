import type { Browser, Page } from '@playwright/test'
import { hire, setUpShop, staffPage, type ShopHost } from './fixtures'

let sequence = 0
export const uniqueMobile = () => `139${String(++sequence).padStart(8, '0')}`
export const uniqueSerial = () => `SNCO${String(++sequence).padStart(6, '0')}`

export interface FinishedJob {
  id: string
  number: string
  claimCode: string
  labourId: string
  partLineId: string
}

interface JobWork {
  serviceType: string
  labourFen: number
  partPriceFen: number
}

/**
 * A job finished and waiting at the counter, arranged through the API as the admin: labour, a
 * part issued at its selling price, and (paid repairs) a quote the customer accepted.
 */
export async function finishedJob(
  host: ShopHost,
  token: string,
  options: JobWork & {
    serviceType: 'paid_repair' | 'warranty_repair'
    customer: string
    depositFen?: number
    depositMethod?: string
  }
): Promise<FinishedJob> {
  const { workOrder, claimCode } = await host.rpc<{ workOrder: { id: string; number: string }; claimCode: string }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: options.customer, mobile: uniqueMobile() } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: uniqueSerial() } },
      serviceType: options.serviceType,
      intakeChannel: 'walk_in',
      reportedFault: '屏幕摔碎，触摸失灵',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: true, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' },
      depositFen: options.depositFen ?? 0,
      depositMethod: options.depositMethod ?? 'cash'
    },
    token
  )
  return { number: workOrder.number, claimCode, ...(await finishJob(host, token, workOrder.id, options)) }
}

/** An open job taken through the bench to the counter (a paid repair's quote accepted first). */
export async function finishJob(
  host: ShopHost,
  token: string,
  id: string,
  options: JobWork
): Promise<Omit<FinishedJob, 'number' | 'claimCode'>> {
  const move = (to: string) => host.rpc('workOrders.transition', { id, to }, token)
  await move('diagnosing')
  if (options.serviceType === 'paid_repair') {
    await host.rpc(
      'workOrders.quote',
      { id, labourFen: options.labourFen, partsFen: options.partPriceFen, discountFen: 0 },
      token
    )
    await host.rpc('workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, token)
  }
  await move('repairing')
  const labour = await host.rpc<{ labour: { id: string }[] }>(
    'workOrders.addLabour',
    { id, description: '更换屏幕', minutes: 40, priceFen: options.labourFen },
    token
  )
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: `SCR-${sequence}`,
      name: '屏幕总成',
      barcodes: [`6900000000${String(++sequence).padStart(3, '0')}`],
      sellingPriceFen: options.partPriceFen,
      costPriceFen: 20_000
    },
    token
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-1', lines: [{ partId: part.id, quantity: 1, unitCostFen: 20_000 }] },
    token
  )
  const issued = await host.rpc<{ line: { id: string } }>(
    'workOrderParts.issue',
    { workOrderId: id, partId: part.id, quantity: 1 },
    token
  )
  await move('quality_check')
  await move('ready_for_pickup')
  return { id, labourId: labour.labour[0]!.id, partLineId: issued.line.id }
}

/** A paid repair (¥80 labour, a part at `partPriceFen`, ¥450 unless told) finished and waiting at the counter. */
export function waitingPaidJob(host: ShopHost, token: string, customer: string, partPriceFen = 45_000) {
  return finishedJob(host, token, { serviceType: 'paid_repair', customer, labourFen: 8_000, partPriceFen })
}

/**
 * A new shop's front desk (李婷) signed in on a page of `size` (the browser's own unless told),
 * with the job `arrange` leaves at the counter (arranged as the admin, whose token comes back).
 */
export async function deskAtTheCounter(
  browser: Browser,
  host: ShopHost,
  arrange: (adminToken: string) => Promise<FinishedJob>,
  size?: { width: number; height: number }
): Promise<{ adminToken: string; job: FinishedJob; page: Page }> {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const job = await arrange(adminToken)
  const page = await staffPage(browser, host, desk.username, desk.password)
  if (size) await page.setViewportSize(size)
  return { adminToken, job, page }
}

/** A paid repair (¥80 labour, a ¥450 part) paid in cash and collected. */
export async function collectedPaidJob(host: ShopHost, token: string, customer: string): Promise<FinishedJob> {
  const job = await waitingPaidJob(host, token, customer)
  await host.rpc('checkout.pay', { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] }, token)
  await host.rpc('workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, token)
  return job
}

/**
 * A paid repair as wide as the counter's amounts get: ¥12,345 labour, a ¥450 part and a ¥100
 * deposit (¥12,695 due), finished and waiting; the shop's approval limit raised so its quote needs
 * no manager.
 */
export async function fiveFigureJob(host: ShopHost, token: string, customer: string): Promise<FinishedJob> {
  const settings = await host.rpc<Record<string, unknown>>('settings.get', {}, token)
  await host.rpc('settings.update', { ...settings, approvalThresholdFen: 10_000_000 }, token)
  return finishedJob(host, token, {
    serviceType: 'paid_repair',
    customer,
    labourFen: 1_234_500,
    partPriceFen: 45_000,
    depositFen: 10_000
  })
}
