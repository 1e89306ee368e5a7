import { normalizePhone } from '../../../src-shared/domain/phone'
import { pinyinInitials } from '../search/searchText'

export interface SearchableCustomer {
  name: string
  mobile: string | null
  otherPhones: string[]
  company: string
}

/** The one text search-as-you-type scans: name, initials, phone digits, company. */
export function customerSearchText(customer: SearchableCustomer): string {
  const phones = [customer.mobile ?? '', ...customer.otherPhones].map(normalizePhone).filter(Boolean)
  return [
    customer.name.toLowerCase(),
    ...pinyinInitials(customer.name),
    ...phones,
    customer.company.toLowerCase()
  ].join(' ')
}
