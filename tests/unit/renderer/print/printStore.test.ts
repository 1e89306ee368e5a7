import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type * as client from '../../../../src-renderer/api/client'
import { call } from '../../../../src-renderer/api/client'
import { usePrintStore } from '../../../../src-renderer/print/printStore'
import { isMultiLineText } from '../../../../src-shared/contract/common'

// Only the API client is replaced: the store's own logic runs as it does in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

const RLO = '\u202E'

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings)
  return []
}

describe('the print store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    api.mockReset()
  })

  it('draws a document with no control character, whatever the data it was given holds', async () => {
    // Data stored before the input check, or come from HQ, can still hold them.
    const fromServer = {
      shop: { name: `鑫诚${RLO}维修`, address: '解放路\u001B[2J 1号', phone: '', taxNumber: '', logo: null },
      workOrder: { number: 'WO-261205-0001', customer: { name: `张${'\u0000'}三` }, notes: '第一行\r\n第二行' }
    }
    api.mockImplementation(async (operation: string) =>
      operation === 'printing.count' ? { printNumber: 0 } : (fromServer as never)
    )

    const loaded = await usePrintStore().open('claim_receipt', 'wo-1', null)

    expect(allStrings(loaded).every(isMultiLineText)).toBe(true)
    expect(loaded).toMatchObject({
      shop: { name: '鑫诚维修', address: '解放路[2J 1号' },
      workOrder: { workOrder: { customer: { name: '张三' }, notes: '第一行\n第二行' } }
    })
  })

  it('draws a document loaded ahead (the kept print page, while it changes routes) from that load', async () => {
    const sale = { id: 'cs-1', number: 'CS-261205-0001' }
    api.mockImplementation(async (operation: string) =>
      operation === 'settings.get' ? ({ profile: { name: '鑫诚维修' } } as never) : (sale as never)
    )
    const store = usePrintStore()

    store.prefetch('counter_receipt', 'cs-1')
    const loaded = await store.open('counter_receipt', 'cs-1', 1)

    expect(loaded).toMatchObject({ documentType: 'counter_receipt', shop: { name: '鑫诚维修' }, sale })
    expect(api.mock.calls.map(([operation]) => operation).sort()).toEqual(['counterSales.get', 'settings.get'])
  })

  it('loads afresh what was not the document loaded ahead, and a load ahead serves one open only', async () => {
    api.mockImplementation(async (operation: string, input: unknown) =>
      operation === 'settings.get' ? ({ profile: { name: '鑫诚维修' } } as never) : (input as never)
    )
    const store = usePrintStore()

    store.prefetch('counter_receipt', 'cs-1')
    const other = await store.open('counter_receipt', 'cs-2', 1)
    const again = await store.open('counter_receipt', 'cs-1', 1)

    expect(other).toMatchObject({ sale: { id: 'cs-2' } })
    expect(again).toMatchObject({ sale: { id: 'cs-1' } })
    expect(api.mock.calls.filter(([operation]) => operation === 'counterSales.get').map(([, input]) => input)).toEqual([
      { id: 'cs-1' },
      { id: 'cs-2' },
      { id: 'cs-1' }
    ])
  })
})
