import type { AppContext } from '../../../src-main/app/context'
import { createUserAndSignIn, initializedApp, type InitializedApp, type SignedInUser } from '../helpers'
import { seedReportsShop, type ReportsSeedOptions } from '../../bench/reportsSeed'

/**
 * A small shop whose every report figure is known by construction (times in UTC; the shop is in
 * Asia/Shanghai, UTC+8, so 16:00Z is local midnight). The month under report is March 2026.
 *
 * - Ten Huawei P60 phones (mobile_phone) received 2026-03-02T01:00Z, ready after 2, 4, 6 ... 18
 *   hours and the tenth after 100 hours; jobs 1-5 by technician A, 6-10 by technician B. Jobs
 *   1-8 are picked up 24 hours after they were ready. Fault codes: 1-5 F1, 6-8 F2, 9 F3, 10 none;
 *   fault location L1 on jobs 1-3.
 * - One Lenovo X1 laptop received 2026-02-28T16:30Z (local 1 March 00:30), not ready: a job of
 *   March with no duration.
 * - One phone received 2026-02-28T15:30Z (local 28 Feb 23:30), fault F1, no technician, ready
 *   one hour later (local 1 March 00:30): received in February, finished in March.
 * - One phone received 2026-02-10T02:00Z with fault F1 (February's other F1).
 * - Comebacks: of job 1, 30 days after its pick-up (counts); of job 6, 100 days after (too late);
 *   of job 2, opened 40 days after and cancelled (does not count). All received after March.
 * - Labour: job 1 50 + 30 yuan, job 6 100 yuan.
 * - Payments: deposit job 3 alipay 50 yuan (local 2 Mar), payment job 1 cash 100 yuan and job 2
 *   wechat 200 yuan (local 3 Mar), refund job 1 cash 30 yuan (local 10 Mar), and a payment at
 *   local 1 April 00:30 (outside).
 * - Claims: job 6 80 yuan open (local 4 Mar), job 7 120 yuan paid (local 5 Mar), the laptop 30
 *   yuan submitted (local 6 Mar).
 * - Parts: screen P1 on job 1 (price 300, cost 200) and on the laptop (same); battery P2 x2 on
 *   job 6 with one returned (price 80 each, cost 100 of which 50 came back).
 */
export interface ReportShop extends InitializedApp {
  manager: SignedInUser
  frontDesk: SignedInUser
  techA: SignedInUser
  techB: SignedInUser
  jobs: string[]
}

const HOUR = 3_600_000
const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * HOUR).toISOString()

export async function reportShop(): Promise<ReportShop> {
  const shop = await initializedApp()
  const [manager, frontDesk, techA, techB] = await Promise.all([
    createUserAndSignIn(shop.app, shop.adminToken, 'manager'),
    createUserAndSignIn(shop.app, shop.adminToken, 'front_desk'),
    createUserAndSignIn(shop.app, shop.adminToken, 'technician'),
    createUserAndSignIn(shop.app, shop.adminToken, 'technician')
  ])
  const db = shop.app.sqlite
  const run = (statement: string, ...values: unknown[]) => db.prepare(statement).run(...values)

  run(`INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES
    ('m-p60', 'Huawei', 'P60', 'mobile_phone', '2026-01-01T00:00:00.000Z'),
    ('m-x1', 'Lenovo', 'X1', 'laptop_computer', '2026-01-01T00:00:00.000Z')`)
  run(`INSERT INTO code_entries (list, code, label, active, sort_order) VALUES
    ('fault_cause', 'F1', '屏幕损坏', 1, 1), ('fault_cause', 'F2', '电池老化', 1, 2), ('fault_cause', 'F3', '主板故障', 1, 3),
    ('fault_location', 'L1', '显示屏', 1, 1)`)
  run(`INSERT INTO customers (id, name, search_text, created_at, updated_at)
    VALUES ('c1', '李四', 'ls', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)

  let sequence = 0
  const device = (brand: string, model: string) => {
    sequence += 1
    const id = `d${sequence}`
    run(
      `INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
       VALUES (?, 'c1', ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      id,
      brand,
      model,
      `SN${sequence}`
    )
    return id
  }
  const job = (options: {
    deviceId: string
    receivedAt: string
    technicianId?: string | null
    faultCause?: string | null
    faultLocation?: string | null
    readyAfterHours?: number
    pickedUpAfterReadyHours?: number
    reopenedFromId?: string
    serviceType?: string
  }) => {
    sequence += 1
    const id = `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`
    run(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
         reported_fault, condition_json, accessories_json, technician_id, reopened_from_id, created_at, updated_at)
       VALUES (?, ?, '000000', 'c1', ?, ?, 'walk_in', 'received', '不开机', '{}', '{}', ?, ?, ?, ?)`,
      id,
      `WO-${sequence}`,
      options.deviceId,
      options.serviceType ?? 'paid_repair',
      options.technicianId ?? null,
      options.reopenedFromId ?? null,
      options.receivedAt,
      options.receivedAt
    )
    run(
      `UPDATE work_orders SET status = 'diagnosing', fault_cause_code = ?, fault_location_code = ? WHERE id = ?`,
      options.faultCause ?? null,
      options.faultLocation ?? null,
      id
    )
    if (options.readyAfterHours !== undefined) {
      const readyAt = at(options.receivedAt, options.readyAfterHours)
      run(
        `INSERT INTO work_order_events (id, work_order_id, at, kind, from_status, to_status)
         VALUES (?, ?, ?, 'status', 'quality_check', 'ready_for_pickup')`,
        `e-${id}`,
        id,
        readyAt
      )
      run(`UPDATE work_orders SET status = 'ready_for_pickup' WHERE id = ?`, id)
      if (options.pickedUpAfterReadyHours !== undefined) {
        run(
          `UPDATE work_orders SET status = 'picked_up', picked_up_at = ? WHERE id = ?`,
          at(readyAt, options.pickedUpAfterReadyHours),
          id
        )
      }
    }
    return id
  }

  const jobs: string[] = []
  const phones: string[] = []
  const readyHours = [2, 4, 6, 8, 10, 12, 14, 16, 18, 100]
  const faults = ['F1', 'F1', 'F1', 'F1', 'F1', 'F2', 'F2', 'F2', 'F3', null]
  readyHours.forEach((hours, index) => {
    const deviceId = device('Huawei', 'P60')
    phones.push(deviceId)
    jobs.push(
      job({
        deviceId,
        receivedAt: '2026-03-02T01:00:00.000Z',
        technicianId: index < 5 ? techA.user.id : techB.user.id,
        faultCause: faults[index],
        faultLocation: index < 3 ? 'L1' : null,
        readyAfterHours: hours,
        pickedUpAfterReadyHours: index < 8 ? 24 : undefined,
        serviceType: index >= 5 ? 'warranty_repair' : 'paid_repair'
      })
    )
  })
  const laptop = device('Lenovo', 'X1')
  const laptopJob = job({ deviceId: laptop, receivedAt: '2026-02-28T16:30:00.000Z', technicianId: techB.user.id })
  jobs.push(laptopJob)
  jobs.push(
    job({
      deviceId: device('Huawei', 'P60'),
      receivedAt: '2026-02-28T15:30:00.000Z',
      faultCause: 'F1',
      readyAfterHours: 1
    })
  )
  jobs.push(job({ deviceId: device('Huawei', 'P60'), receivedAt: '2026-02-10T02:00:00.000Z', faultCause: 'F1' }))

  // Comebacks, each received after March (so March's own figures stay as stated above).
  const pickedUpAt = (index: number) => at('2026-03-02T01:00:00.000Z', readyHours[index]! + 24)
  job({ deviceId: phones[0]!, receivedAt: at(pickedUpAt(0), 30 * 24), reopenedFromId: jobs[0] })
  job({ deviceId: phones[5]!, receivedAt: at(pickedUpAt(5), 100 * 24), reopenedFromId: jobs[5] })
  const cancelled = job({ deviceId: phones[1]!, receivedAt: at(pickedUpAt(1), 40 * 24), reopenedFromId: jobs[1] })
  run(`UPDATE work_orders SET status = 'cancelled' WHERE id = ?`, cancelled)

  const labour = (workOrderId: string, priceFen: number) => {
    sequence += 1
    run(
      `INSERT INTO work_order_labour (id, work_order_id, description, minutes, price_fen, created_at)
       VALUES (?, ?, '维修', 30, ?, '2026-03-02T05:00:00.000Z')`,
      `l${sequence}`,
      workOrderId,
      priceFen
    )
  }
  labour(jobs[0]!, 5_000)
  labour(jobs[0]!, 3_000)
  labour(jobs[5]!, 10_000)

  const payment = (kind: string, method: string, amountFen: number, workOrderId: string, when: string) => {
    sequence += 1
    run(
      `INSERT INTO payments (id, kind, method, amount_fen, tendered_fen, change_fen, work_order_id, at)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
      `p${sequence}`,
      kind,
      method,
      amountFen,
      Math.max(amountFen, 0),
      workOrderId,
      when
    )
  }
  payment('deposit', 'alipay', 5_000, jobs[2]!, '2026-03-02T01:00:00.000Z')
  payment('payment', 'cash', 10_000, jobs[0]!, '2026-03-03T04:00:00.000Z')
  payment('payment', 'wechat_pay', 20_000, jobs[1]!, '2026-03-03T06:00:00.000Z')
  payment('refund', 'cash', -3_000, jobs[0]!, '2026-03-10T03:00:00.000Z')
  payment('payment', 'cash', 99_900, jobs[3]!, '2026-03-31T16:30:00.000Z')

  const claim = (workOrderId: string, amountFen: number, status: string, when: string) => {
    sequence += 1
    run(
      `INSERT INTO invoices (id, number, kind, work_order_id, lines_fen, brand_fen, customer_lines_fen, discount_fen,
         deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
       VALUES (?, ?, 'invoice', ?, ?, ?, 0, 0, 0, 0, 0, ?)`,
      `i${sequence}`,
      `INV-${sequence}`,
      workOrderId,
      amountFen,
      amountFen,
      when
    )
    run(
      `INSERT INTO warranty_claims (id, work_order_id, invoice_id, amount_fen, lines_json, status, created_at)
       VALUES (?, ?, ?, ?, '[]', ?, ?)`,
      `w${sequence}`,
      workOrderId,
      `i${sequence}`,
      amountFen,
      status,
      when
    )
  }
  claim(jobs[5]!, 8_000, 'open', '2026-03-04T02:00:00.000Z')
  claim(jobs[6]!, 12_000, 'paid', '2026-03-05T02:00:00.000Z')
  claim(laptopJob, 3_000, 'submitted', '2026-03-06T02:00:00.000Z')

  run(`INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
    VALUES ('P1', 'P1', '屏幕', 'piece', 30000, 20000, 'p1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
           ('P2', 'P2', '电池', 'piece', 8000, 5000, 'p2', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`)
  const part = (
    workOrderId: string,
    partId: string,
    quantity: number,
    returned: number,
    priceFen: number,
    costFen: number,
    returnedFen: number
  ) => {
    sequence += 1
    run(
      `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
         cost_value_fen, returned_value_fen, issued_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, '2026-03-02T08:00:00.000Z')`,
      `wp${sequence}`,
      workOrderId,
      partId,
      quantity,
      returned,
      priceFen,
      costFen,
      returnedFen
    )
  }
  part(jobs[0]!, 'P1', 1, 0, 30_000, 20_000, 0)
  part(laptopJob, 'P1', 1, 0, 30_000, 20_000, 0)
  part(jobs[5]!, 'P2', 2, 1, 8_000, 10_000, 5_000)

  return { ...shop, manager, frontDesk, techA, techB, jobs }
}

export const MARCH = { from: '2026-03-01', to: '2026-03-31' } as const

/** The rows of a report's table by key. */
export function tableOf<T extends { tables: { key: string; rows: Record<string, unknown>[] }[] }>(
  report: T,
  key: string
): Record<string, unknown>[] {
  const table = report.tables.find((candidate) => candidate.key === key)
  if (!table) throw new Error(`no table ${key}`)
  return table.rows
}

export function figureOf(report: { figures: { key: string; value: unknown }[] }, key: string): unknown {
  return report.figures.find((figure) => figure.key === key)?.value
}

export function sqliteOf(shop: { app: AppContext }) {
  return shop.app.sqlite
}

/** A shop with three technicians and years of jobs as the reports benchmark seeds them, through the triggers. */
export async function benchSeededShop(
  options: Omit<ReportsSeedOptions, 'technicianIds' | 'cashierId'>
): Promise<InitializedApp> {
  const shop = await initializedApp()
  const technicians: SignedInUser[] = []
  for (let i = 0; i < 3; i++) technicians.push(await createUserAndSignIn(shop.app, shop.adminToken, 'technician'))
  seedReportsShop(shop.app.sqlite, {
    ...options,
    technicianIds: technicians.map((technician) => technician.user.id),
    cashierId: technicians[0]!.user.id
  })
  return shop
}

/**
 * Parts that come back or are credited after their job was picked up (reports credit them in
 * that month: summaries/partCreditsLater.ts), nine days after each pick-up on a few of a seeded
 * shop's lines, as the counter's credit note writes them: a unit back into stock at its share of
 * the line's value (every other one scrapped at once, the next ledger line), and a quarter off
 * the billed part lines of about half the invoices. Through the triggers, as the counter's writes go.
 */
export function creditAfterPickUp(sqlite: AppContext['sqlite']): void {
  const lines = sqlite
    .prepare(
      `SELECT wp.id, wp.part_id AS partId, wp.work_order_id AS workOrderId,
         (wp.cost_value_fen - wp.returned_value_fen) / (wp.quantity - wp.returned_quantity) AS valueFen,
         strftime('%Y-%m-%dT%H:%M:%fZ', j.picked_up_at, '+9 days') AS at
       FROM work_order_parts wp JOIN report_jobs j ON j.work_order_id = wp.work_order_id
       WHERE j.picked_up_at IS NOT NULL AND wp.returned_quantity < wp.quantity AND unicode(substr(wp.id, -1)) % 4 = 2`
    )
    .all() as { id: string; partId: string; workOrderId: string; valueFen: number; at: string }[]
  const movement = sqlite.prepare(
    `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference,
       work_order_id, work_order_part_id) VALUES (?, ?, ?, ?, ?, 0, ?, 1, ?, ?, ?)`
  )
  const returned = sqlite.prepare(
    `UPDATE work_order_parts SET returned_quantity = returned_quantity + 1, returned_value_fen = returned_value_fen + ?
     WHERE id = ?`
  )
  sqlite.transaction(() => {
    lines.forEach((line, index) => {
      const reference = `CN-LATE-${line.id}`
      movement.run(
        `late-${line.id}`,
        line.partId,
        line.at,
        'return',
        1,
        line.valueFen,
        reference,
        line.workOrderId,
        line.id
      )
      if (index % 2 === 0)
        movement.run(`scrap-${line.id}`, line.partId, line.at, 'scrap', -1, -line.valueFen, reference, null, null)
      returned.run(line.valueFen, line.id)
    })
    sqlite.exec(`
      INSERT INTO invoices (id, number, kind, work_order_id, corrects_invoice_id, lines_fen, brand_fen,
          customer_lines_fen, discount_fen, deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
        SELECT 'late-cn-' || i.id, 'CN-LATE-' || i.number, 'credit_note', i.work_order_id, i.id, 0, 0, 0, 0, 0, 0, 0,
          strftime('%Y-%m-%dT%H:%M:%fZ', j.picked_up_at, '+9 days')
        FROM invoices i JOIN report_jobs j ON j.work_order_id = i.work_order_id
        WHERE i.kind = 'invoice' AND j.picked_up_at IS NOT NULL AND unicode(substr(i.id, -1)) % 2 = 0
          AND EXISTS (SELECT 1 FROM invoice_lines il WHERE il.invoice_id = i.id AND il.kind = 'part');
      INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
          amount_fen, payer)
        SELECT 'late-cn-' || il.id, 'late-cn-' || il.invoice_id, 0, 'part', il.id, '', 1, -(il.amount_fen / 4),
          -(il.amount_fen / 4), il.payer
        FROM invoice_lines il WHERE il.kind = 'part' AND il.invoice_id IN (SELECT corrects_invoice_id FROM invoices
          WHERE id LIKE 'late-cn-%');
    `)
  })()
}

/**
 * Claims the brand rejects weeks after their job's pick-up (reports move their parts in the month
 * of the decision: summaries/claimDecidedLater.ts), recorded by a manager 40 days after each
 * pick-up on a few of a seeded shop's open or filed claims, as checkout.markClaim writes them: the
 * step, then the claim's status. Through the triggers.
 */
export function rejectAfterPickUp(sqlite: AppContext['sqlite']): void {
  sqlite.exec(`
    INSERT INTO warranty_claim_steps (id, claim_id, status, note, recorded_by, recorded_at)
      SELECT 'late-rejected-' || c.id, c.id, 'rejected', '不在保修范围', (SELECT min(id) FROM users),
        strftime('%Y-%m-%dT%H:%M:%fZ', j.picked_up_at, '+40 days')
      FROM warranty_claims c JOIN report_jobs j ON j.work_order_id = c.work_order_id
      WHERE c.status IN ('open', 'submitted') AND j.picked_up_at IS NOT NULL AND unicode(substr(c.id, -1)) % 5 = 1;
    UPDATE warranty_claims SET status = 'rejected'
      WHERE id IN (SELECT claim_id FROM warranty_claim_steps WHERE id LIKE 'late-rejected-%');
  `)
}
