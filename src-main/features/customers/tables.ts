export interface CustomersTable {
  id: string
  name: string
  mobile: string | null
  otherPhonesJson: string
  address: string
  company: string
  notes: string
  tagsJson: string
  searchText: string
  mergedIntoId: string | null
  /** When the person's data was erased on request; the row stays for their jobs and payments. */
  erasedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface DevicesTable {
  id: string
  customerId: string
  brand: string
  model: string
  serial: string | null
  colour: string
  purchaseDate: string | null
  createdAt: string
  updatedAt: string
}

export interface CustomersTables {
  customers: CustomersTable
  devices: DevicesTable
}
