import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { Output, Part } from '../../../src-shared/contract'
import { call } from '../../api/client'
import { findPartByCode } from './partsStore'

export interface ReceiptLine {
  part: Part
  quantity: number
  unitCostFen: number
  /** A serial-tracked part's serials as scanned, one per unit, separated by spaces or new lines. */
  serialsText: string
}

/** The serials typed or scanned into a line, upper-case as the server keeps them. */
export function splitSerials(text: string): string[] {
  return text
    .split(/[\s,，]+/)
    .map((serial) => serial.trim().toUpperCase())
    .filter(Boolean)
}

/**
 * The delivery being received. It lives in a store so that a clerk who steps away to another
 * page mid-delivery comes back to the lines already scanned.
 */
export const useReceivingStore = defineStore('receiving', () => {
  const form = reactive({ reference: '', supplier: '' })
  const lines = ref<ReceiptLine[]>([])
  /** The part the last scan added to or counted up, to show where it went. */
  const lastPartId = ref<string | null>(null)

  const totalUnits = computed(() => lines.value.reduce((sum, line) => sum + line.quantity, 0))
  const totalValueFen = computed(() => lines.value.reduce((sum, line) => sum + line.quantity * line.unitCostFen, 0))

  /**
   * A scanned code: a new line at the part's moving-average cost, or one more of a part already
   * on the delivery. Returns the part, or null when no part has that code.
   */
  async function scan(code: string): Promise<Part | null> {
    const part = await findPartByCode(code)
    if (!part) return null
    const existing = lines.value.find((line) => line.part.id === part.id)
    if (existing) existing.quantity += 1
    else lines.value.push({ part, quantity: 1, unitCostFen: part.averageCostFen, serialsText: '' })
    lastPartId.value = part.id
    return part
  }

  function remove(index: number): void {
    const [removed] = lines.value.splice(index, 1)
    if (removed?.part.id === lastPartId.value) lastPartId.value = null
  }

  function clear(): void {
    Object.assign(form, { reference: '', supplier: '' })
    lines.value = []
    lastPartId.value = null
  }

  /** Posts every line in one transaction; the form is cleared for the next delivery. */
  async function post(): Promise<Output<'parts.receive'>> {
    const result = await call('parts.receive', {
      reference: form.reference,
      supplier: form.supplier,
      lines: lines.value.map((line) => ({
        partId: line.part.id,
        quantity: line.quantity,
        unitCostFen: line.unitCostFen,
        serials: line.part.serialTracked ? splitSerials(line.serialsText) : []
      }))
    })
    clear()
    return result
  }

  return { form, lines, lastPartId, totalUnits, totalValueFen, scan, remove, clear, post }
})
