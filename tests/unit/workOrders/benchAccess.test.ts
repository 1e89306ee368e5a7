import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import type { OperationName, WorkOrderDetail } from '../../../src-shared/contract'
import { permissions, roleMayCall } from '../../../src-shared/contract/permissions'
import { callError, callOk, type SignedInUser } from '../helpers'
import { newPart } from '../parts/fixtures'
import { openOrder, staffedShopPerFile, type StaffedShop } from './fixtures'

// Bench access: a technician changes only their own jobs (or unassigned ones). Every write on a
// work order a technician may call is listed here, so a new one without the check shows up as a
// missing row rather than as another technician's job quietly overwritten.

const shop = staffedShopPerFile()

type Staffer = 'techA' | 'frontDesk' | 'manager'

interface BenchWrite {
  operation: OperationName
  /** Who, besides the job's own technician, the permission matrix lets make this change. */
  alsoAllowed: Staffer[]
  /** The `can.*` answer the screen reads to offer this change. */
  offered: (order: WorkOrderDetail) => boolean
  /** A job assigned to techA, made ready for the change; the call's input. */
  prepare: (shop: StaffedShop) => Promise<{ workOrderId: string; input: unknown }>
}

/** An open job assigned to techA, who has started diagnosing it. */
async function techAsJob({ app, staff }: StaffedShop, serviceType: 'paid_repair' | 'warranty_repair') {
  const { id } = await openOrder(app, staff.frontDesk.token, { serviceType })
  await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
  await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
  return id
}

const benchWork = (order: WorkOrderDetail) => order.can.benchWork

const WRITES: BenchWrite[] = [
  {
    operation: 'workOrders.transition',
    alsoAllowed: ['frontDesk', 'manager'],
    offered: (order) => order.allowedTransitions.includes('returned_unrepaired'),
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      return { workOrderId: id, input: { id, to: 'returned_unrepaired', reason: '无配件' } }
    }
  },
  {
    operation: 'workOrders.diagnose',
    alsoAllowed: ['manager'],
    offered: benchWork,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      return {
        workOrderId: id,
        input: { id, faultLocationCode: 'L01', faultCauseCode: 'C01', diagnosis: '主板短路' }
      }
    }
  },
  {
    operation: 'workOrders.addLabour',
    alsoAllowed: ['manager'],
    offered: benchWork,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      return { workOrderId: id, input: { id, description: '更换主板', minutes: 60, priceFen: 20_000 } }
    }
  },
  {
    operation: 'workOrders.removeLabour',
    alsoAllowed: ['manager'],
    offered: benchWork,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      const { labour } = await callOk(
        s.app,
        'workOrders.addLabour',
        { id, description: '更换主板', minutes: 60, priceFen: 20_000 },
        s.staff.techA.token
      )
      return { workOrderId: id, input: { id, labourId: labour[0]!.id } }
    }
  },
  {
    operation: 'workOrders.updateNotes',
    alsoAllowed: ['frontDesk', 'manager'],
    offered: (order) => order.can.editNotes,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      await callOk(
        s.app,
        'workOrders.updateNotes',
        { id, internalNote: '主板进水，已拆机', customerNote: '' },
        s.staff.techA.token
      )
      return { workOrderId: id, input: { id, internalNote: '别人写的', customerNote: '可以取机了' } }
    }
  },
  {
    operation: 'workOrders.addNoteAfterClose',
    alsoAllowed: ['frontDesk', 'manager'],
    offered: (order) => order.can.addNoteAfterClose,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      await callOk(
        s.app,
        'workOrders.transition',
        { id, to: 'cancelled', reason: '客户不修了' },
        s.staff.frontDesk.token
      )
      return { workOrderId: id, input: { id, note: '客户来电问能否再修' } }
    }
  },
  {
    operation: 'workOrders.setWaiting',
    alsoAllowed: ['frontDesk', 'manager'],
    offered: (order) => order.can.setWaiting,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      const since = (await callOk(s.app, 'workOrders.get', { id }, s.staff.techA.token)).createdAt.slice(0, 10)
      return { workOrderId: id, input: { id, waiting: { cause: 'parts_not_supplied', since } } }
    }
  },
  {
    operation: 'workOrders.quote',
    alsoAllowed: ['frontDesk', 'manager'],
    offered: (order) => order.can.quote,
    prepare: async (s) => {
      const id = await techAsJob(s, 'paid_repair')
      return { workOrderId: id, input: { id, labourFen: 20_000, partsFen: 30_000, discountFen: 0 } }
    }
  },
  {
    operation: 'workOrderParts.request',
    alsoAllowed: ['manager'],
    offered: benchWork,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      const part = await newPart(s.app, s.staff.clerk.token)
      return { workOrderId: id, input: { workOrderId: id, partId: part.id, quantity: 1 } }
    }
  },
  {
    operation: 'workOrderParts.cancelRequest',
    alsoAllowed: ['manager'],
    offered: benchWork,
    prepare: async (s) => {
      const id = await techAsJob(s, 'warranty_repair')
      const part = await newPart(s.app, s.staff.clerk.token)
      const { requests } = await callOk(
        s.app,
        'workOrderParts.request',
        { workOrderId: id, partId: part.id, quantity: 1 },
        s.staff.techA.token
      )
      return { workOrderId: id, input: { requestId: requests[0]!.id, reason: '申领错误' } }
    }
  }
]

/**
 * What else a technician may call, none of which changes a job: reads, their own session, and
 * printing (which logs the print, not a change to the job).
 */
const CHANGES_NO_JOB: ReadonlySet<OperationName> = new Set<OperationName>([
  'setup.status',
  'setup.initialize',
  'auth.signIn',
  'auth.signOut',
  'auth.session',
  'dashboard.get',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  'settings.get',
  // The desk's own settings (its UI language): no job changes.
  'settings.desk',
  'settings.saveDesk',
  'customers.search',
  'customers.get',
  'devices.findBySerial',
  'devices.history',
  'workOrders.get',
  'workOrders.list',
  'workOrders.board',
  'workOrders.technicians',
  'warranty.lookup',
  'warranty.evaluate',
  'warranty.policies',
  // Reads an accessory slip for printing: the exchange or refund itself is a manager's.
  'warranty.accessoryRemedy',
  // Reads the money a restore dropped, shown on the job: marking one dealt with is a manager's.
  'backups.droppedMoney',
  'codes.list',
  'parts.search',
  'parts.get',
  'parts.find',
  'workOrderParts.get',
  'printing.settings',
  'printing.printers',
  'printing.print',
  'printing.count',
  'printing.workOrderDocument',
  'customerContact.settings',
  // Public: pairs a desk, touches no job.
  'desks.pair'
])

/** Everything stored about one job: its row and every row that hangs off it. */
function jobState(app: AppContext, workOrderId: string): Record<string, unknown[]> {
  const rows = (sql: string) => app.sqlite.prepare(sql).all(workOrderId)
  return {
    order: rows('SELECT * FROM work_orders WHERE id = ?'),
    events: rows('SELECT * FROM work_order_events WHERE work_order_id = ? ORDER BY id'),
    labour: rows('SELECT * FROM work_order_labour WHERE work_order_id = ? ORDER BY id'),
    quotes: rows('SELECT * FROM quotes WHERE work_order_id = ? ORDER BY id'),
    partRequests: rows('SELECT * FROM work_order_part_requests WHERE work_order_id = ? ORDER BY id'),
    audit: rows('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY id'),
    outbox: rows('SELECT * FROM outbox WHERE entity_id = ? ORDER BY id')
  }
}

describe('bench access on every write to a work order', () => {
  it('every operation a technician may call is either a job write checked here or changes no job', () => {
    const technicianMayCall = (Object.keys(permissions) as OperationName[]).filter((operation) =>
      roleMayCall('technician', operation)
    )
    const unclassified = technicianMayCall.filter(
      (operation) => !CHANGES_NO_JOB.has(operation) && !WRITES.some((write) => write.operation === operation)
    )
    expect(unclassified).toEqual([])
  })

  it.each(WRITES.map((write) => [write.operation, write] as const))(
    '%s: a technician not assigned to the job is refused, is not offered it, and nothing changes',
    async (_name, write) => {
      const s = shop()
      const { workOrderId, input } = await write.prepare(s)
      const before = jobState(s.app, workOrderId)

      const seenByOther = await callOk(s.app, 'workOrders.get', { id: workOrderId }, s.staff.techB.token)
      expect(write.offered(seenByOther)).toBe(false)
      expect(await callError(s.app, write.operation, input, s.staff.techB.token)).toMatchObject({
        code: 'FORBIDDEN',
        messageKey: 'errors.notYourJob'
      })
      expect(jobState(s.app, workOrderId)).toEqual(before)
    }
  )

  it.each(
    WRITES.flatMap((write) =>
      (['techA', ...write.alsoAllowed] as const).map((who) => [write.operation, who, write] as const)
    )
  )('%s: %s is offered it and may', async (_name, who, write) => {
    const s = shop()
    const { workOrderId, input } = await write.prepare(s)
    const actor: SignedInUser = s.staff[who]

    const seen = await callOk(s.app, 'workOrders.get', { id: workOrderId }, actor.token)
    expect(write.offered(seen)).toBe(true)
    const result = await callOk(s.app, write.operation, input as never, actor.token)
    expect(result).toBeTruthy()
  })
})
