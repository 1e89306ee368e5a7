import { defineStore } from 'pinia'
import type { Customer, CustomerFile, Device, Input, WarrantyVerdict } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** What the check-in form asks of the main process: find customers and devices, open the order. */
export const useIntakeStore = defineStore('intake', () => {
  function customerFile(id: string): Promise<CustomerFile> {
    return call('customers.get', { id })
  }

  function findBySerial(serial: string): Promise<{ device: Device; customer: Customer } | null> {
    return call('devices.findBySerial', { serial })
  }

  /** The warranty registry's unit and verdict for a serial the shop has no device for, if the registry knows it. */
  async function warrantyBySerial(serial: string): Promise<WarrantyVerdict | null> {
    const lookup = await call('warranty.lookup', { query: serial, claim: null })
    return lookup.kind === 'found' ? lookup.verdict : null
  }

  function checkIn(intake: Input<'workOrders.create'>) {
    return call('workOrders.create', intake)
  }

  return { customerFile, findBySerial, warrantyBySerial, checkIn }
})
