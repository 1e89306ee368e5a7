import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callError, callOk, closeApp, countRows, initializedApp, type InitializedApp } from '../helpers'
import { intake, uniqueMobile, uniqueSerial } from '../workOrders/fixtures'

/**
 * Control characters and the invisible bidi overrides/isolates hide or reorder what a printout,
 * an export or the screen shows: every text field refuses them with its own field error.
 */
const BAD_CHARACTERS: [string, string][] = [
  ['NUL', '\u0000'],
  ['ESC', '\u001B'],
  ['DEL', '\u007F'],
  ['LRE U+202A', '\u202A'],
  ['RLE U+202B', '\u202B'],
  ['PDF U+202C', '\u202C'],
  ['LRO U+202D', '\u202D'],
  ['RLO U+202E', '\u202E'],
  ['LRI U+2066', '\u2066'],
  ['RLI U+2067', '\u2067'],
  ['FSI U+2068', '\u2068'],
  ['PDI U+2069', '\u2069']
]

let shop: InitializedApp
let customerId: string

beforeAll(async () => {
  shop = await initializedApp()
  customerId = (await callOk(shop.app, 'customers.create', { name: '李四' }, shop.adminToken)).id
})
afterAll(async () => {
  await closeApp(shop.app)
})

interface FieldCase {
  operation: string
  /** The dotted path of the field the error must name. */
  field: string
  /** Where a wrongly accepted call would have written. */
  table: string
  input: (bad: string) => unknown
}

const FIELDS: FieldCase[] = [
  { operation: 'customers.create', field: 'name', table: 'customers', input: (bad) => ({ name: `张${bad}三` }) },
  {
    operation: 'customers.create',
    field: 'mobile',
    table: 'customers',
    input: (bad) => ({ name: '张三', mobile: `138${bad}00138000` })
  },
  {
    operation: 'customers.create',
    field: 'otherPhones.0',
    table: 'customers',
    input: (bad) => ({ name: '张三', otherPhones: [`010${bad}62345678`] })
  },
  {
    operation: 'devices.create',
    field: 'serial',
    table: 'devices',
    input: (bad) => ({ customerId, brand: '华为', model: 'Mate 60', serial: `SN${bad}0001` })
  },
  {
    operation: 'parts.create',
    field: 'partNumber',
    table: 'parts',
    input: (bad) => ({ partNumber: `SCR${bad}001`, name: '屏幕', sellingPriceFen: 100 })
  },
  {
    operation: 'workOrders.create',
    field: 'reportedFault',
    table: 'work_orders',
    input: (bad) => intake({ reportedFault: `不开机${bad}` })
  },
  {
    operation: 'users.create',
    field: 'displayName',
    table: 'users',
    input: (bad) => ({ username: 'tech.x', displayName: `王${bad}五`, role: 'technician', password: 'long-enough-1' })
  }
]

const CASES = FIELDS.flatMap((field) =>
  BAD_CHARACTERS.map(([name, bad]) => ({ ...field, name, bad, label: `${field.operation} ${field.field}` }))
)

describe('text fields refuse control characters', () => {
  it.each(CASES)('$label with $name is refused on that field and nothing is written', async (c) => {
    const { app, adminToken } = shop
    const rowsBefore = countRows(app, c.table)
    const auditBefore = countRows(app, 'audit_log')

    const error = await callError(app, c.operation, c.input(c.bad), adminToken)

    expect(error.code).toBe('VALIDATION')
    expect(error.details?.fields).toEqual([{ path: c.field, messageKey: 'validation.controlCharacter' }])
    expect(countRows(app, c.table)).toBe(rowsBefore)
    expect(countRows(app, 'audit_log')).toBe(auditBefore)
  })

  it.each([
    ['a newline', '\n'],
    ['a tab', '\t'],
    ['a carriage return', '\r']
  ])('a one-line field with %s inside is refused', async (_name, bad) => {
    const { app, adminToken } = shop
    for (const c of FIELDS.filter((field) => field.field !== 'reportedFault')) {
      const error = await callError(app, c.operation, c.input(bad), adminToken)
      expect(error.details?.fields, c.operation).toEqual([{ path: c.field, messageKey: 'validation.controlCharacter' }])
    }
  })

  it('a nested name inside a check-in is refused on its own path', async () => {
    const { app, adminToken } = shop
    const input = intake({ customer: { kind: 'new', fields: { name: '张\u202E三', mobile: uniqueMobile() } } })
    const error = await callError(app, 'workOrders.create', input, adminToken)
    expect(error.details?.fields).toEqual([{ path: 'customer.fields.name', messageKey: 'validation.controlCharacter' }])
  })
})

describe('ordinary text is still accepted', () => {
  it('keeps Chinese, emoji, and the line breaks and tabs of notes and fault descriptions', async () => {
    const { app, adminToken } = shop
    const customer = await callOk(
      app,
      'customers.create',
      {
        name: '欧阳·娜娜 😀',
        mobile: uniqueMobile(),
        otherPhones: ['(010) 6234-5678'],
        address: '北京市海淀区\n中关村大街 1 号',
        notes: '老客户 👍\n\t周末来取'
      },
      adminToken
    )
    expect(customer.name).toBe('欧阳·娜娜 😀')
    expect(customer.address).toBe('北京市海淀区\n中关村大街 1 号')
    expect(customer.notes).toBe('老客户 👍\n\t周末来取')

    const { workOrder } = await callOk(
      app,
      'workOrders.create',
      intake({
        reportedFault: '不开机\r\n屏幕有裂纹 📱',
        device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro+', serial: uniqueSerial() } }
      }),
      adminToken
    )
    expect(workOrder.reportedFault).toBe('不开机\r\n屏幕有裂纹 📱')

    const user = await callOk(
      app,
      'users.create',
      { username: 'tech.ok', displayName: '王五 🔧', role: 'technician', password: 'long-enough-1' },
      adminToken
    )
    expect(user.displayName).toBe('王五 🔧')
  })
})
