import type { AppContext } from '../../../src-main/app/context'
import { callOk } from '../helpers'
import type { ServiceType } from '../../../src-shared/domain/repairTypes'
import { intake, type Intake } from '../workOrders/fixtures'

/**
 * A job finished and waiting at the counter, with labour and a part issued to it. A paid repair
 * goes through a quote the customer accepted; a warranty repair needs none.
 */
export async function finishedJob(
  app: AppContext,
  adminToken: string,
  options: {
    serviceType: 'paid_repair' | 'warranty_repair'
    labourFen?: number
    partPriceFen?: number
    quoteDiscountFen?: number
    /** What the accepted quote says, when it is not what the job bills. */
    quotedLabourFen?: number
    quotedPartsFen?: number
    /** No labour entered at the bench. */
    noLabour?: boolean
    intake?: Partial<Intake>
  }
) {
  const { workOrder, claimCode } = await callOk(
    app,
    'workOrders.create',
    intake({ serviceType: options.serviceType, ...options.intake }),
    adminToken
  )
  return { number: workOrder.number, claimCode, ...(await finishJob(app, adminToken, workOrder.id, options)) }
}

/**
 * An open job taken through the bench to the counter: its labour and a part issued to it; a paid
 * repair's quote accepted first.
 */
export async function finishJob(
  app: AppContext,
  adminToken: string,
  id: string,
  options: Omit<Parameters<typeof finishedJob>[2], 'serviceType' | 'intake'> & { serviceType: ServiceType }
) {
  const move = (to: 'diagnosing' | 'repairing' | 'quality_check' | 'ready_for_pickup') =>
    callOk(app, 'workOrders.transition', { id, to }, adminToken)
  await move('diagnosing')
  if (options.serviceType === 'paid_repair') {
    // The customer accepts what the job will bill (issue 11: the accepted quote is what is billed).
    const quoted = await callOk(
      app,
      'workOrders.quote',
      {
        id,
        labourFen: options.quotedLabourFen ?? options.labourFen ?? 8_000,
        partsFen: options.quotedPartsFen ?? options.partPriceFen ?? 45_000,
        discountFen: options.quoteDiscountFen ?? 0
      },
      adminToken
    )
    if (quoted.quote?.managerApproval === 'pending')
      await callOk(app, 'workOrders.managerDecision', { id, approved: true }, adminToken)
    await callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, adminToken)
  }
  await move('repairing')
  const labour = options.noLabour
    ? null
    : await callOk(
        app,
        'workOrders.addLabour',
        { id, description: '更换屏幕', minutes: 40, priceFen: options.labourFen ?? 8_000 },
        adminToken
      )
  const part = await callOk(
    app,
    'parts.create',
    {
      partNumber: `SCR-${id.slice(-8)}`,
      name: '屏幕总成',
      barcodes: [`69${id.replace(/\D/g, '').slice(-11)}`],
      sellingPriceFen: options.partPriceFen ?? 45_000,
      costPriceFen: 20_000
    },
    adminToken
  )
  await callOk(
    app,
    'parts.receive',
    { reference: 'HQ-1', lines: [{ partId: part.id, quantity: 1, unitCostFen: 20_000 }] },
    adminToken
  )
  const parts = await callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, adminToken)
  await move('quality_check')
  await move('ready_for_pickup')
  return {
    id,
    labourId: labour?.labour[0]?.id ?? '',
    partLineId: parts.line.id
  }
}
