import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CustomerFile, WorkOrderDetail } from '../../../../src-shared/contract'

const call = vi.fn()
vi.mock('../../../../src-renderer/api/client', () => ({ call, ApiError: class extends Error {} }))
const { useWorkOrderStore } = await import('../../../../src-renderer/features/repairs/workOrderStore')
const { useCustomersStore } = await import('../../../../src-renderer/features/customers/customersStore')

/** A call the test answers when it likes. */
function held<T>() {
  let answer!: (value: T) => void
  const promise = new Promise<T>((resolve) => (answer = resolve))
  return { promise, answer }
}

const job = (status: string) => ({ id: 'wo-1', status }) as WorkOrderDetail
const fileOf = (id: string) => ({ customer: { id }, devices: [], workOrders: [] }) as unknown as CustomerFile

describe('screens refreshed by another desk’s change', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
  })

  it('the open job is shown again without clearing it, and an answer older than what is shown is dropped', async () => {
    const store = useWorkOrderStore()
    call.mockResolvedValueOnce(job('received'))
    await store.open('wo-1')

    const slow = held<WorkOrderDetail>()
    call.mockReturnValueOnce(slow.promise)
    const refreshing = store.refresh()
    expect(store.order?.status).toBe('received')
    // This desk's own action answers first; the refresh's answer was read before it.
    call.mockResolvedValueOnce(job('diagnosing'))
    await store.transition({ to: 'diagnosing' } as never)
    // The refresh's answer is not shown; the job is read once more, as it stands now.
    call.mockResolvedValueOnce(job('diagnosing'))
    slow.answer(job('received'))
    await refreshing
    expect(store.order?.status).toBe('diagnosing')

    call.mockResolvedValueOnce(job('repairing'))
    await store.refresh()
    expect(call).toHaveBeenLastCalledWith('workOrders.get', { id: 'wo-1' })
    expect(store.order?.status).toBe('repairing')
  })

  it('of two refreshes, the newer is shown even when the older one answers first', async () => {
    const store = useWorkOrderStore()
    call.mockResolvedValueOnce(job('received'))
    await store.open('wo-1')
    // One refresh asked before the technician's part request, one after it; the first answers first.
    const older = held<WorkOrderDetail>()
    const newer = held<WorkOrderDetail>()
    call.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise)
    const first = store.refresh()
    const second = store.refresh()
    older.answer(job('received'))
    await first
    call.mockResolvedValueOnce(job('waiting_parts'))
    newer.answer(job('waiting_parts'))
    await second
    expect(store.order?.status).toBe('waiting_parts')
  })

  it('a customer file asked for before another customer was opened does not replace it', async () => {
    const customers = useCustomersStore()
    const late = held<CustomerFile>()
    call.mockReturnValueOnce(late.promise)
    const first = customers.open('c-1')
    call.mockResolvedValueOnce(fileOf('c-2'))
    await customers.open('c-2')
    late.answer(fileOf('c-1'))
    await first
    expect(customers.file?.customer.id).toBe('c-2')
  })

  it('a refresh of the same file answered after a save does not put back the version before it', async () => {
    const customers = useCustomersStore()
    const version = (updatedAt: string) =>
      ({ ...fileOf('c-1'), customer: { id: 'c-1', updatedAt } }) as unknown as CustomerFile
    call.mockResolvedValueOnce(version('t1'))
    await customers.open('c-1')
    const late = held<CustomerFile>()
    call.mockReturnValueOnce(late.promise)
    const refreshing = customers.open('c-1')
    call.mockResolvedValueOnce({ id: 'c-1', updatedAt: 't2' })
    await customers.update({ id: 'c-1', expectedUpdatedAt: 't1', name: '周杰' } as never)
    late.answer(version('t1'))
    await refreshing
    expect(customers.file?.customer.updatedAt).toBe('t2')
  })
})
