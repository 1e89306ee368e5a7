/** What a customer record says about the person, as an audit row keeps it. */
export interface RecordedCustomer {
  name: string
  mobile: string | null
  otherPhones: string[]
  address: string
  company: string
  notes: string
}

/**
 * The customer records an audit row's before or after value holds: the value itself, or records
 * nested in it (a merge keeps both). The erasure and the personal-data export read a person's
 * former phones, names and addresses from their own audit rows this way.
 */
export function customerRecordsIn(value: unknown): RecordedCustomer[] {
  if (!value || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  if (typeof record.name !== 'string' || !('mobile' in record)) return Object.values(record).flatMap(customerRecordsIn)
  const text = (field: unknown) => (typeof field === 'string' ? field : '')
  const otherPhones = Array.isArray(record.otherPhones)
    ? record.otherPhones.filter((phone): phone is string => typeof phone === 'string')
    : []
  return [
    {
      name: record.name,
      mobile: typeof record.mobile === 'string' ? record.mobile : null,
      otherPhones,
      address: text(record.address),
      company: text(record.company),
      notes: text(record.notes)
    }
  ]
}

/** Phones shorter than this are not searched for across the database (they would match at random). */
export const MIN_SEARCHED_PHONE_DIGITS = 7
