import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { Customer, CustomerFile, Device, Input } from '../../../src-shared/contract'
import { ApiError, call } from '../../api/client'
import { newestAnswerOf } from '../../ui/newestAnswer'
import { usePagedList } from '../../ui/pagedList'

/** The customer a refused create or update names, when the mobile already belongs to someone else. */
export function existingCustomerOf(error: unknown): Customer | null {
  const duplicateKeys = ['errors.duplicateMobile', 'errors.duplicatePhone']
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !duplicateKeys.includes(error.messageKey))
    return null
  return (error.details?.existing as Customer | undefined) ?? null
}

/** The device a refused create or update names, when its serial is already on file (perhaps under another customer). */
export function existingDeviceOf(error: unknown): Device | null {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || error.messageKey !== 'errors.duplicateSerial')
    return null
  return (error.details?.existing as Device | undefined) ?? null
}

/** Finding customers as the desk types, one customer's file, and the desk's changes to them. */
export const useCustomersStore = defineStore('customers', () => {
  const filters = reactive({ query: '' })

  const list = usePagedList<Customer>(
    newestAnswerOf((page: number, pageSize: number) =>
      call('customers.search', { query: filters.query, page, pageSize })
    )
  )

  const file = ref<CustomerFile | null>(null)

  /** Counts what set the file: an answer asked for before the latest of them is older than what is shown. */
  let shownTicket = 0
  /** Shows a customer's file, or the same one again; an answer overtaken by a later open or save is dropped. */
  async function open(id: string): Promise<void> {
    const ticket = ++shownTicket
    if (file.value?.customer.id !== id) file.value = null
    const answer = await call('customers.get', { id, history: true })
    if (ticket === shownTicket) file.value = answer
  }

  /** A short list for pickers (the merge dialog), apart from the main list's paging. */
  async function lookup(query: string): Promise<Customer[]> {
    return (await call('customers.search', { query, page: 1, pageSize: 10 })).rows
  }

  const create = (input: Input<'customers.create'>): Promise<Customer> =>
    list.refreshAfter(call('customers.create', input))

  async function update(input: Input<'customers.update'>): Promise<Customer> {
    const customer = await latestShownAfter(call('customers.update', input))
    if (file.value?.customer.id === customer.id) {
      shownTicket++
      file.value = { ...file.value, customer }
    }
    return customer
  }

  /** Folds `mergeId` into `keepId`, then shows the kept customer's file with everything moved over. */
  async function merge(keepId: string, mergeId: string): Promise<void> {
    await call('customers.merge', { keepId, mergeId })
    await open(keepId)
  }

  /** Erases the person's data on their request; their open file is reloaded, anonymised. */
  async function erase(id: string): Promise<void> {
    await call('customers.erase', { id })
    await open(id)
  }

  /** Registers a device to a customer; their open file is reloaded to show it. */
  async function createDevice(input: Input<'devices.create'>): Promise<Device> {
    const device = await call('devices.create', input)
    await reopen(device.customerId)
    return device
  }

  /** Edits a device; the owner's open file is reloaded to show the change. */
  async function updateDevice(input: Input<'devices.update'>): Promise<Device> {
    const device = await latestShownAfter(call('devices.update', input))
    await reopen(device.customerId)
    return device
  }

  /** An edit refused because another desk saved first: the open file shows what that desk saved. */
  async function latestShownAfter<T>(edit: Promise<T>): Promise<T> {
    try {
      return await edit
    } catch (error) {
      const open = file.value?.customer.id
      // The refusal is what the desk must see, even if the file cannot be fetched again just now.
      if (open && error instanceof ApiError && error.messageKey === 'errors.changedElsewhere')
        await reopen(open).catch(() => undefined)
      throw error
    }
  }

  /** Refreshes the open file after a change to it; a file nobody is looking at is left alone. */
  async function reopen(customerId: string): Promise<void> {
    if (file.value?.customer.id === customerId) await open(customerId)
  }

  return { filters, ...list, file, open, lookup, create, update, merge, erase, createDevice, updateDevice }
})
