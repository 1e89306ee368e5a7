import type { Customer, Device } from '../../../src-shared/contract'
import type { CustomersTable, DevicesTable } from './tables'

export function toCustomer(row: CustomersTable): Customer {
  return {
    id: row.id,
    name: row.name,
    mobile: row.mobile,
    otherPhones: JSON.parse(row.otherPhonesJson) as string[],
    address: row.address,
    company: row.company,
    notes: row.notes,
    tags: JSON.parse(row.tagsJson) as string[],
    createdAt: row.createdAt
  }
}

export function toDevice(row: DevicesTable): Device {
  return {
    id: row.id,
    customerId: row.customerId,
    brand: row.brand,
    model: row.model,
    serial: row.serial,
    colour: row.colour,
    purchaseDate: row.purchaseDate,
    createdAt: row.createdAt
  }
}
