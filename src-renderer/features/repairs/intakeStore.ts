import { defineStore } from 'pinia'
import type { Customer, CustomerFile, Device, Input } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** What the check-in form asks of the main process: find customers and devices, open the order. */
export const useIntakeStore = defineStore('intake', () => {
  async function searchCustomers(query: string): Promise<Customer[]> {
    return (await call('customers.search', { query, pageSize: 10 })).rows
  }

  function customerFile(id: string): Promise<CustomerFile> {
    return call('customers.get', { id })
  }

  function findBySerial(serial: string): Promise<{ device: Device; customer: Customer } | null> {
    return call('devices.findBySerial', { serial })
  }

  function checkIn(intake: Input<'workOrders.create'>) {
    return call('workOrders.create', intake)
  }

  return { searchCustomers, customerFile, findBySerial, checkIn }
})
