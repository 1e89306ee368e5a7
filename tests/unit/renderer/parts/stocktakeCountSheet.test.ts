// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Stocktake, StocktakeLine } from '../../../../src-shared/contract'
import type * as client from '../../../../src-renderer/api/client'
import { call } from '../../../../src-renderer/api/client'
import { i18n } from '../../../../src-renderer/i18n'
import StocktakeCountSheet from '../../../../src-renderer/features/parts/StocktakeCountSheet.vue'
import { useStocktakesStore } from '../../../../src-renderer/features/parts/stocktakesStore'

// Only the API client is replaced: the sheet and its store run as they do in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

const screen: StocktakeLine = {
  partId: 'part-screen',
  partNumber: 'SCR-100',
  partName: 'Screen',
  unit: 'piece',
  binLocation: 'A-01',
  barcodes: [],
  serialTracked: false,
  snapshotQuantity: 5,
  currentQuantity: 5,
  countedQuantity: null,
  bookQuantityAtCount: null,
  countedAt: null,
  variance: null,
  varianceValueFen: null,
  averageCostFen: 3_000,
  posted: false,
  needsRecount: false
}

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
  api.mockReset()
  api.mockImplementation(async (operation, input) => {
    if (operation === 'stocktakes.get')
      return { id: 'st-1', lines: [screen], counted: 0, varianceValueFen: 0 } as unknown as Stocktake
    if (operation === 'stocktakes.count') {
      const counted = (input as { countedQuantity: number }).countedQuantity
      return {
        ...screen,
        countedQuantity: counted,
        bookQuantityAtCount: 5,
        variance: counted - 5,
        varianceValueFen: (counted - 5) * 3_000
      }
    }
    throw new Error(`unexpected call ${operation}`)
  })
})

async function mountSheet() {
  const store = useStocktakesStore()
  await store.open('st-1')
  const lines = store.current!.lines
  const wrapper = mount(StocktakeCountSheet, {
    props: { stocktakeId: 'st-1', lines, rows: lines, editable: true, hideExpected: false },
    global: { plugins: [ElementPlus, i18n] }
  })
  return { wrapper, store }
}

describe('the count sheet', () => {
  it('a count typed and entered is saved, and the caret is sent back to the scan field', async () => {
    const { wrapper, store } = await mountSheet()
    const input = wrapper.find('[data-test=count-input]')
    await input.setValue('4')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api).toHaveBeenCalledWith('stocktakes.count', { id: 'st-1', partId: 'part-screen', countedQuantity: 4 })
    expect(store.current?.varianceValueFen).toBe(-3_000)
    expect(wrapper.emitted('counted')).toHaveLength(1)
  })

  it('what is not a count is refused on its line and not sent', async () => {
    const { wrapper } = await mountSheet()
    const input = wrapper.find('[data-test=count-input]')
    await input.setValue('4.5')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(wrapper.find('.line-error').exists()).toBe(true)
    expect(api).not.toHaveBeenCalledWith('stocktakes.count', expect.anything())
    expect(wrapper.emitted('counted')).toBeUndefined()
  })

  it('a barcode scanned into the count field by mistake is refused whole, not cut to a count', async () => {
    const { wrapper } = await mountSheet()
    const input = wrapper.find('[data-test=count-input]')
    // The browser's maxlength would have cut 6901234567892 to 6901234 and saved that as the count.
    expect(input.attributes('maxlength')).toBeUndefined()
    await input.setValue('6901234567892')
    await input.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(wrapper.find('.line-error').exists()).toBe(true)
    expect(api).not.toHaveBeenCalledWith('stocktakes.count', expect.anything())
  })

  it('Esc puts the saved count back and leaves the line', async () => {
    const { wrapper } = await mountSheet()
    const input = wrapper.find('[data-test=count-input]')
    await input.setValue('9')
    await input.trigger('keydown', { key: 'Escape' })
    expect((input.element as HTMLInputElement).value).toBe('')
    expect(wrapper.emitted('done')).toHaveLength(1)
  })

  it('a closed count shows the counts as text, with no fields', async () => {
    const { wrapper } = await mountSheet()
    await wrapper.setProps({ editable: false })
    expect(wrapper.find('[data-test=count-input]').exists()).toBe(false)
  })
})
