import type { TextFieldSpec } from '../../ui/formFields'

/** The customer's fields that intake's new customer and the customer dialog both have. */
interface CustomerFieldValues {
  name: string
  mobile: string
  company: string
  address: string
}
type CustomerField = TextFieldSpec<CustomerFieldValues>

/**
 * A customer's name and mobile side by side: the first row of a new customer at intake and in
 * the customer dialog. With `hints`, the empty mobile field says where other numbers go.
 */
export function customerNameRow(hints: boolean): CustomerField[] {
  return [
    { key: 'name', label: 'customers.name', required: true, maxlength: 50, autocomplete: 'off' },
    {
      key: 'mobile',
      label: 'customers.mobile',
      maxlength: 20,
      inputmode: 'tel',
      autocomplete: 'off',
      placeholder: hints ? 'customers.mobileHint' : undefined
    }
  ]
}

export const companyField: CustomerField = { key: 'company', label: 'customers.company', maxlength: 100 }
export const addressField: CustomerField = { key: 'address', label: 'customers.address', maxlength: 200 }
