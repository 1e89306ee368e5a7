/** A scanned serial or IMEI: letters and digits, or a long run of digits no phone has. */
const SERIAL = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]{6,}$|^\d{14,}$/
/** Digits, spaces, + and -, enough of them to be a phone number or part of one. */
const PHONE = /^[\d\s+-]{5,}$/

/**
 * What the counter typed or scanned into the customer search and nobody matched: a device's
 * serial (scanned into the page's first field), a phone number, or else a name.
 */
export function kindOfCounterText(text: string): 'serial' | 'phone' | 'name' {
  if (SERIAL.test(text)) return 'serial'
  return PHONE.test(text) ? 'phone' : 'name'
}
