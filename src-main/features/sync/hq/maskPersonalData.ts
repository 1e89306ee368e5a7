/**
 * What the shop's outbox says about people, as HQ may see it. HQ needs customers' data only for a
 * warranty claim (the brand checks the buyer against its registry and may call them); every other
 * record reaches HQ with names and phones masked, enough to tell records apart, not to contact
 * anyone. The rules per entity are in ARCHITECTURE.md, "Personal data and HQ".
 */

/** Records HQ receives whole: a claim's evidence names the unit's buyer. */
const SENT_WHOLE = new Set(['warranty_claim'])

/** Records about the shop and its staff, not its customers: nothing in them is masked. */
const NOT_ABOUT_CUSTOMERS = new Set(['shop', 'shop_profile', 'settings', 'user', 'backup'])

/** A person's name, keys that hold one anywhere in a record. */
const NAME_KEYS = new Set(['customerName', 'buyerName', 'contactName', 'ownerName', 'pickedUpBy'])
/** Phone numbers, anywhere in a record. */
const PHONE_KEYS = new Set([
  'mobile',
  'phone',
  'phones',
  'otherPhones',
  'buyerPhone',
  'customerPhone',
  'contactPhone',
  'customerMobile'
])
/** Fields of a customer record (or an object under a `customer`/`buyer` key) that identify them. */
const PERSON_NAME_KEYS = new Set(['name', 'displayName'])
const PERSON_ERASED_KEYS = new Set(['address', 'notes'])
const PERSON_KEYS = new Set(['customer', 'buyer', 'contact', 'kept', 'merged'])

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays, the rest is starred. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim())
  if (characters.length === 0) return ''
  return characters[0] + '*'.repeat(Math.max(1, characters.length - 1))
}

/** 13812345678 → 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length === 0) return ''
  if (digits.length >= 8) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`
}

function maskPhones(value: unknown): unknown {
  if (typeof value === 'string') return maskPhone(value)
  if (Array.isArray(value)) return value.map(maskPhones)
  return value
}

function maskValue(value: unknown, aboutAPerson: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => maskValue(item, aboutAPerson))
  if (value === null || typeof value !== 'object') return value
  const masked: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (PHONE_KEYS.has(key)) masked[key] = maskPhones(field)
    else if (typeof field === 'string' && (NAME_KEYS.has(key) || (aboutAPerson && PERSON_NAME_KEYS.has(key))))
      masked[key] = maskName(field)
    else if (aboutAPerson && PERSON_ERASED_KEYS.has(key) && typeof field === 'string')
      masked[key] = field === '' ? '' : '***'
    else masked[key] = maskValue(field, PERSON_KEYS.has(key))
  }
  return masked
}

/** The payload of one outbox row as it leaves the shop. */
export function maskForHq(entity: string, payload: unknown): unknown {
  if (SENT_WHOLE.has(entity) || NOT_ABOUT_CUSTOMERS.has(entity)) return payload
  return maskValue(payload, entity === 'customer')
}
