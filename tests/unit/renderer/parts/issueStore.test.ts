import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { OpenPartRequest, Part } from '../../../../src-shared/contract'
import type * as client from '../../../../src-renderer/api/client'
import { ApiError, call } from '../../../../src-renderer/api/client'
import { useIssueStore } from '../../../../src-renderer/features/parts/issueStore'

// Only the API client is replaced: the store's own logic runs as it does in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

function request(overrides: Partial<OpenPartRequest>): OpenPartRequest {
  return {
    id: 'req-1',
    workOrderId: 'wo-1',
    partId: 'part-screen',
    partNumber: 'SCR-100',
    partName: 'Screen',
    quantity: 1,
    issuedQuantity: 0,
    note: '',
    status: 'open',
    unitPriceFen: 39_900,
    requestedAt: '2026-12-04T08:00:00.000Z',
    requestedByName: 'Tech',
    workOrderNumber: 'WO-261204-0001',
    workOrderStatus: 'awaiting_parts',
    deviceLabel: 'Phone X',
    technicianName: 'Tech',
    binLocation: 'A-01',
    onHand: 3,
    serialTracked: false,
    barcodes: ['6900000000017'],
    ...overrides
  }
}

const screen = request({})
const battery = request({
  id: 'req-2',
  partId: 'part-battery',
  partNumber: 'BAT-200',
  partName: 'Battery',
  barcodes: ['6900000000024'],
  serialTracked: true
})
const otherJobCamera = request({
  id: 'req-3',
  workOrderId: 'wo-2',
  workOrderNumber: 'WO-261204-0002',
  partId: 'part-camera',
  partNumber: 'CAM-300',
  partName: 'Camera',
  barcodes: []
})
const queue = [screen, battery, otherJobCamera]

function part(id: string, partNumber: string, name: string): Part {
  return { id, partNumber, name } as Part
}

/** Answers the queue, and the parts catalogue with `found` (or the error given). */
function serve(found: Part | ApiError, rows: OpenPartRequest[] = queue) {
  api.mockImplementation(async (operation, input) => {
    if (operation === 'workOrderParts.openRequests') return rows
    if (operation === 'parts.find') {
      if (found instanceof ApiError) throw found
      return found
    }
    // The issue answers with the job's queue rows as they are after it.
    if (operation === 'workOrderParts.issue')
      return {
        line: { id: 'line-1', partId: (input as { partId: string }).partId },
        queueRows: rows.filter((row) => row.workOrderId === 'wo-1')
      }
    throw new Error(`unexpected call ${operation}`)
  })
}

async function openCounter() {
  const store = useIssueStore()
  await store.load()
  store.reselect()
  return store
}

beforeEach(() => {
  setActivePinia(createPinia())
  api.mockReset()
})

describe('the issuing counter store', () => {
  it('preselects the oldest request', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    expect(store.selected?.id).toBe(screen.id)
  })

  it('a scanned job ticket means that job, in any case', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    expect(await store.resolveScan(' wo-261204-0002 ')).toEqual({
      next: 'chooseJob',
      workOrderNumber: 'WO-261204-0002'
    })
    expect(store.showJob('WO-261204-0002')).toBe(true)
    expect(store.visible.map((row) => row.id)).toEqual([otherJobCamera.id])
    expect(store.selected?.id).toBe(otherJobCamera.id)
  })

  it('a job with nothing waiting is reported, and an empty job number shows the whole queue', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    expect(store.showJob('WO-000000-9999')).toBe(false)
    expect(store.showJob('')).toBe(true)
    expect(store.visible).toHaveLength(3)
  })

  it("the chosen request's barcode issues it without asking the catalogue", async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    expect(await store.resolveScan('6900000000017')).toEqual({ next: 'issue', request: screen })
    expect(api).not.toHaveBeenCalledWith('parts.find', expect.anything())
  })

  it('another request of the same job becomes the chosen one; a serial-tracked part asks for its serial', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    expect(await store.resolveScan('bat-200')).toEqual({ next: 'askSerial', request: battery })
    expect(store.selectedId).toBe(battery.id)
  })

  it('a part found in the catalogue by another code still matches its request', async () => {
    serve(part('part-screen', 'SCR-100', 'Screen'))
    const store = await openCounter()
    expect(await store.resolveScan('OLD-CODE')).toEqual({ next: 'issue', request: screen })
    expect(api).toHaveBeenCalledWith('parts.find', { code: 'OLD-CODE' })
  })

  it('a part another job is waiting for is refused, naming that job', async () => {
    serve(part('part-camera', 'CAM-300', 'Camera'))
    const store = await openCounter()
    expect(await store.resolveScan('CAMERA-CODE')).toEqual({
      next: 'refuse',
      refusal: {
        messageKey: 'issuing.otherJob',
        params: { scanned: 'CAM-300 Camera', wanted: 'SCR-100 Screen', number: 'WO-261204-0002' }
      }
    })
    expect(store.selectedId).toBe(screen.id)
  })

  it('a part nobody asked for is refused as the wrong part', async () => {
    serve(part('part-other', 'OTH-1', 'Other'))
    const store = await openCounter()
    const outcome = await store.resolveScan('OTH-1')
    expect(outcome).toMatchObject({ next: 'refuse', refusal: { messageKey: 'issuing.wrongPart' } })
  })

  it('an unknown code and a malformed one are refused with their own words', async () => {
    serve(new ApiError({ code: 'NOT_FOUND', messageKey: 'errors.NOT_FOUND' }))
    const store = await openCounter()
    expect(await store.resolveScan('NOPE')).toEqual({
      next: 'refuse',
      refusal: { messageKey: 'errors.partCodeUnknown', params: { code: 'NOPE' } }
    })
    serve(new ApiError({ code: 'VALIDATION', messageKey: 'errors.VALIDATION' }))
    expect(await store.resolveScan('??')).toMatchObject({ refusal: { messageKey: 'validation.barcode' } })
  })

  it('any other failure of the catalogue is thrown, for the screen to show', async () => {
    serve(new ApiError({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' }))
    const store = await openCounter()
    await expect(store.resolveScan('SOMETHING')).rejects.toBeInstanceOf(ApiError)
  })

  it('with nothing chosen a part scan asks for a request first', async () => {
    serve(part('x', 'X', 'x'), [])
    const store = await openCounter()
    expect(await store.resolveScan('6900000000017')).toEqual({
      next: 'refuse',
      refusal: { messageKey: 'issuing.pickRequestFirst', params: {} }
    })
  })

  it('issuing sends the serial only when there is one, then shows the next request of the same job', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    // After the issue the screen request is gone from the queue; the same job's battery is next.
    serve(part('x', 'X', 'x'), [battery, otherJobCamera])
    await store.issue({ workOrderId: 'wo-1', partId: 'part-screen', quantity: 1, serial: null })
    expect(api).toHaveBeenCalledWith('workOrderParts.issue', {
      workOrderId: 'wo-1',
      partId: 'part-screen',
      quantity: 1
    })
    expect(store.selected?.id).toBe(battery.id)
    // One round trip: the queue came with the issue's answer, not from loading it again.
    expect(api.mock.calls.filter(([operation]) => operation === 'workOrderParts.openRequests')).toHaveLength(1)
    expect(store.queue.map((row) => row.id)).toEqual([battery.id, otherJobCamera.id])

    await store.issue({ workOrderId: 'wo-1', partId: 'part-battery', quantity: 1, serial: 'SN1' })
    expect(api).toHaveBeenCalledWith('workOrderParts.issue', {
      workOrderId: 'wo-1',
      partId: 'part-battery',
      quantity: 1,
      serial: 'SN1'
    })
  })

  it('a refused issue changes nothing in the queue', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    api.mockRejectedValueOnce(new ApiError({ code: 'STOCK_INSUFFICIENT', messageKey: 'errors.STOCK_INSUFFICIENT' }))
    await expect(
      store.issue({ workOrderId: 'wo-1', partId: 'part-screen', quantity: 5, serial: null })
    ).rejects.toBeInstanceOf(ApiError)
    expect(store.queue).toEqual(queue)
    expect(store.selected?.id).toBe(screen.id)
  })

  it('a newly opened counter forgets the job and request chosen before', async () => {
    serve(part('x', 'X', 'x'))
    const store = await openCounter()
    store.showJob('WO-261204-0002')
    store.resetCounter()
    expect(store.activeWorkOrder).toBe('')
    expect(store.selectedId).toBeNull()
  })
})
