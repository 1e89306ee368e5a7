import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Part, Stocktake, StocktakeLine } from '../../../../src-shared/contract'
import type * as client from '../../../../src-renderer/api/client'
import { ApiError, call } from '../../../../src-renderer/api/client'
import { useStocktakesStore } from '../../../../src-renderer/features/parts/stocktakesStore'
import { linesShown, parseCount } from '../../../../src-renderer/features/parts/stocktakeSheet'

// Only the API client is replaced: the store's own logic runs as it does in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

function line(partId: string, partNumber: string, overrides: Partial<StocktakeLine> = {}): StocktakeLine {
  return {
    partId,
    partNumber,
    barcodes: [],
    countedQuantity: null,
    variance: null,
    varianceValueFen: null,
    ...overrides
  } as StocktakeLine
}

const screen = line('part-screen', 'SCR-100', { barcodes: ['6900000000017'] })
const battery = line('part-battery', 'BAT-200', { countedQuantity: 4, variance: -1, varianceValueFen: -3_000 })
const camera = line('part-camera', 'CAM-300', { countedQuantity: 2, variance: 0, varianceValueFen: 0 })

async function openSheet(found: Part | ApiError) {
  api.mockImplementation(async (operation) => {
    if (operation === 'stocktakes.get') return { id: 'st-1', lines: [screen, battery, camera] } as unknown as Stocktake
    if (operation === 'parts.find') {
      if (found instanceof ApiError) throw found
      return found
    }
    throw new Error(`unexpected call ${operation}`)
  })
  const store = useStocktakesStore()
  await store.open('st-1')
  return store
}

beforeEach(() => {
  setActivePinia(createPinia())
  api.mockReset()
})

describe('scanning on the count sheet', () => {
  it('finds a line by barcode or by part number in any case, without asking the catalogue', async () => {
    const store = await openSheet({ id: 'x' } as Part)
    expect(await store.lineForCode(' 6900000000017 ')).toEqual({ line: screen })
    expect(await store.lineForCode('bat-200')).toEqual({ line: battery })
    expect(api).not.toHaveBeenCalledWith('parts.find', expect.anything())
  })

  it('finds a line by another code the catalogue knows', async () => {
    const store = await openSheet({ id: 'part-camera' } as Part)
    expect(await store.lineForCode('OLD-CAMERA')).toEqual({ line: camera })
  })

  it('a part outside the count is named; an unknown code is said to be unknown', async () => {
    const outside = await openSheet({ id: 'part-other', partNumber: 'OTH-1', name: 'Other' } as Part)
    expect(await outside.lineForCode('OTH-1')).toEqual({
      refusal: { messageKey: 'stocktakes.notInScope', params: { part: 'OTH-1 Other' } }
    })
    const unknown = await openSheet(new ApiError({ code: 'NOT_FOUND', messageKey: 'errors.NOT_FOUND' }))
    expect(await unknown.lineForCode('NOPE')).toEqual({
      refusal: { messageKey: 'errors.partCodeUnknown', params: { code: 'NOPE' } }
    })
  })

  it('any other failure is thrown, for the screen to show', async () => {
    const store = await openSheet(new ApiError({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' }))
    await expect(store.lineForCode('SOMETHING')).rejects.toBeInstanceOf(ApiError)
  })
})

describe('the count sheet', () => {
  it('shows all lines, those not counted, or those that differ from the books', () => {
    const lines = [screen, battery, camera]
    expect(linesShown(lines, 'all')).toEqual(lines)
    expect(linesShown(lines, 'uncounted')).toEqual([screen])
    expect(linesShown(lines, 'variance')).toEqual([battery])
  })

  it('reads a counted field as a whole number, nothing, or not a count', () => {
    expect(parseCount(' 12 ')).toBe(12)
    expect(parseCount('')).toBeNull()
    expect(parseCount('1.5')).toBe('invalid')
    expect(parseCount('12345678')).toBe('invalid')
  })
})
