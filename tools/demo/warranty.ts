import type { AppContext } from '../../src-main/app/context'
import type { CategoryKey } from '../../src-shared/domain/warranty/policy'
import { addDays } from '../../src-shared/domain/warranty/policy'
import { KINDS } from './catalog'
import type { Random } from './random'
import { must } from './shop'

/** Which warranty category each demo device kind is sold under. */
const CATEGORY_OF_BRAND_MODEL = new Map<string, CategoryKey>()
const CATEGORY_BY_KIND: Record<(typeof KINDS)[number]['kind'], CategoryKey> = {
  phone: 'mobile_phone',
  laptop: 'computer',
  tv: 'tv',
  air_conditioner: 'air_conditioner',
  washing_machine: 'washing_machine'
}
for (const kind of KINDS) {
  for (const { brand, models } of kind.brands)
    for (const model of models) CATEGORY_OF_BRAND_MODEL.set(`${brand}|${model}`, CATEGORY_BY_KIND[kind.kind])
}

const DEALERS = ['苏宁易购天河店', '国美电器北京路店', '京东之家番禺店', '品牌授权专卖店', '迪信通正佳店']

/**
 * The brand's registry for most of the demo's devices: sold over the last three years with their
 * invoices (a few without), so the warranty lookup shows every kind of verdict. Goes through
 * warranty.register like the counter does.
 */
export async function registerDemoUnits(
  app: AppContext,
  random: Random,
  token: string,
  today: string
): Promise<number> {
  const devices = app.sqlite
    .prepare(
      `SELECT d.serial, d.brand, d.model, d.purchase_date AS purchaseDate, c.name, c.mobile
       FROM devices d JOIN customers c ON c.id = d.customer_id
       WHERE d.serial IS NOT NULL ORDER BY d.created_at`
    )
    .all() as {
    serial: string
    brand: string
    model: string
    purchaseDate: string | null
    name: string
    mobile: string | null
  }[]
  let registered = 0
  for (const device of devices) {
    const categoryKey = CATEGORY_OF_BRAND_MODEL.get(`${device.brand}|${device.model}`)
    if (!categoryKey || !random.chance(0.8)) continue
    const sold = device.purchaseDate ?? addDays(today, -random.int(3, 3 * 365))
    const withInvoice = random.chance(0.9)
    await must(
      app,
      'warranty.register',
      {
        serial: device.serial,
        brand: device.brand,
        model: device.model,
        categoryKey,
        cardNumber: `KA-${String(880_000 + registered)}`,
        purchaseDate: withInvoice ? sold : null,
        invoiceNumber: withInvoice ? String(random.int(10_000_000, 99_999_999)) : '',
        dealer: random.pick(DEALERS),
        productionDate: addDays(sold, -random.int(20, 120)),
        buyerName: device.name,
        buyerPhone: device.mobile ?? '',
        activationDate: sold
      },
      token
    )
    registered++
  }
  return registered
}
