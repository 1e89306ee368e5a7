import type { Customer, Device } from '../../../src-shared/contract'
import type { Database } from '../../db/schema'

// A work order's customer and device as the contract shows them. The work-order screen, the
// hand-over check and the customers feature all map rows this way, so the mapping lives in the
// kernel every one of them may import.

export function toCustomer(row: Database['customers']): Customer {
  return {
    id: row.id,
    name: row.name,
    mobile: row.mobile,
    otherPhones: JSON.parse(row.otherPhonesJson) as string[],
    address: row.address,
    company: row.company,
    notes: row.notes,
    tags: JSON.parse(row.tagsJson) as string[],
    erasedAt: row.erasedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}

export function toDevice(row: Database['devices']): Device {
  return {
    id: row.id,
    customerId: row.customerId,
    brand: row.brand,
    model: row.model,
    serial: row.serial,
    colour: row.colour,
    purchaseDate: row.purchaseDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}
