import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { CounterSale, Customer, Input, PartSummary } from '../../../src-shared/contract'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'
import { ApiError, call } from '../../api/client'
import { liveSettlement } from './checkoutArithmetic'

export interface SaleRow {
  part: Pick<PartSummary, 'id' | 'partNumber' | 'name' | 'sellingPriceFen' | 'onHand' | 'serialTracked'>
  quantity: number
  /** A serial-tracked part is sold one unit a row, by the serial scanned; '' until it is. */
  serial: string
}

export interface SaleTender {
  key: number
  method: PaymentMethod
  amountFen: number
}

/**
 * The cash desk's counter sale: the goods scanned or picked, the customer's tenders and the
 * receipt once paid. Prices are the catalogue's; the main process checks stock and records.
 */
export const useCounterSaleStore = defineStore('counterSale', () => {
  const rows = ref<SaleRow[]>([])
  const tenders = ref<SaleTender[]>([])
  /** Until the cashier types an amount, the single payment row follows the total. */
  const tendersTouched = ref(false)
  /** The customer picked at the till: the sale is theirs. */
  const customer = ref<Customer | null>(null)
  /** A walk-in's name, as typed, when nobody is picked. */
  const customerName = ref('')
  const matches = ref<PartSummary[]>([])
  const sale = ref<CounterSale | null>(null)
  /** The serials on the shelf of each serial-tracked part in the sale, by part id. */
  const serialsOnHand = ref<Record<string, string[]>>({})
  let nextKey = 0

  const totalFen = computed(() => rows.value.reduce((sum, row) => sum + row.part.sellingPriceFen * row.quantity, 0))
  const settlementState = computed(() =>
    liveSettlement(
      totalFen.value,
      tenders.value.map(({ method, amountFen }) => ({ method, amountFen }))
    )
  )

  watch(totalFen, (total) => {
    if (tendersTouched.value) return
    tenders.value = total > 0 ? [{ key: nextKey++, method: tenders.value[0]?.method ?? 'cash', amountFen: total }] : []
  })

  function add(part: SaleRow['part']): void {
    matches.value = []
    if (part.serialTracked) {
      rows.value.push({ part, quantity: 1, serial: '' })
      if (!(part.id in serialsOnHand.value)) loadSerials(part.id).catch(() => undefined)
      return
    }
    const row = rows.value.find((candidate) => candidate.part.id === part.id)
    if (row) row.quantity += 1
    else rows.value.push({ part, quantity: 1, serial: '' })
  }

  async function loadSerials(partId: string): Promise<void> {
    serialsOnHand.value[partId] = []
    const rows = await call('parts.serialsOnHand', { partId })
    serialsOnHand.value[partId] = rows.map((row) => row.serial)
  }

  /** The serials a row may still take: on the shelf and not picked on another row of the sale. */
  function serialChoices(index: number): string[] {
    const row = rows.value[index]
    if (!row) return []
    const taken = new Set(rows.value.filter((other, at) => at !== index && other.serial).map((other) => other.serial))
    return (serialsOnHand.value[row.part.id] ?? []).filter((serial) => !taken.has(serial))
  }

  /** A serial-tracked row not yet given its serial: the sale waits for it. */
  const serialMissing = computed(() => rows.value.some((row) => row.part.serialTracked && !row.serial))

  /**
   * A scanned barcode or typed part number adds its part; anything else is searched, and the
   * matches are offered to pick from. Returns whether a part was added.
   */
  async function scan(code: string): Promise<boolean> {
    const text = code.trim()
    if (!text) return false
    try {
      add(await call('parts.find', { code: text }))
      return true
    } catch (error) {
      if (!(error instanceof ApiError) || (error.code !== 'NOT_FOUND' && error.code !== 'VALIDATION')) throw error
    }
    matches.value = (await call('parts.search', { query: text, page: 1, pageSize: 8 })).rows
    return false
  }

  function remove(index: number): void {
    rows.value.splice(index, 1)
  }

  function addTender(): void {
    tendersTouched.value = true
    tenders.value.push({ key: nextKey++, method: 'wechat_pay', amountFen: 0 })
  }

  function removeTender(index: number): void {
    tendersTouched.value = true
    tenders.value.splice(index, 1)
  }

  async function pay(): Promise<CounterSale> {
    const input: Input<'counterSales.sell'> = {
      lines: rows.value.map((row) => ({
        partId: row.part.id,
        quantity: row.quantity,
        ...(row.part.serialTracked ? { serial: row.serial } : {})
      })),
      tenders: tenders.value
        .filter((tender) => tender.amountFen > 0)
        .map(({ method, amountFen }) => ({ method, amountFen })),
      ...(customer.value ? { customerId: customer.value.id } : { customerName: customerName.value })
    }
    sale.value = await call('counterSales.sell', input)
    return sale.value
  }

  function startOver(): void {
    rows.value = []
    tenders.value = []
    tendersTouched.value = false
    customer.value = null
    customerName.value = ''
    matches.value = []
    serialsOnHand.value = {}
    sale.value = null
  }

  async function findSale(number: string): Promise<CounterSale> {
    return call('counterSales.get', { number })
  }

  async function refund(input: Input<'counterSales.refund'>): Promise<CounterSale> {
    return call('counterSales.refund', input)
  }

  return {
    rows,
    tenders,
    tendersTouched,
    customer,
    customerName,
    matches,
    sale,
    totalFen,
    settlementState,
    serialMissing,
    serialChoices,
    add,
    scan,
    remove,
    addTender,
    removeTender,
    pay,
    startOver,
    findSale,
    refund
  }
})
