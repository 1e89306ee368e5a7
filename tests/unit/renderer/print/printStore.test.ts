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
})
