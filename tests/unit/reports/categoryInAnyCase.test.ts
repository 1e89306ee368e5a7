import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { reportCategoryInAnyCase } from '../../../src-main/features/reports/migrations'
import { applyRegistryUnits } from '../../../src-main/features/warranty/hqRegistry'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { registryUnitOf } from '../sync/hqFixture'
import { openOrder, staffedShopPerFile, uniqueSerial } from '../workOrders/fixtures'
import { categoryTables, turnaroundJobsByCategory } from './categoryReadings'
import { screenJobsBefore, STAMP, stepsAround } from './screenJobsBefore'

/**
 * The desk types a device's brand and model as the customer says them ("apple", "IPHONE 15"); the
 * catalogue spells them as the brand does. A job's category in the reports is its model's whatever
 * the case, at intake and whenever the catalogue learns or changes the model, and the sums by
 * category move with it.
 */
const shop = staffedShopPerFile()

const today = () => shopLocalDate(shop().clock.now(), 'Asia/Shanghai')

/** The turnaround report's jobs by category today of the jobs typed with `brand`, the sums checked against the facts. */
const jobsByCategory = (brand: string) => turnaroundJobsByCategory(shop().app.db, today(), { brand })

function addToCatalogue(id: string, brand: string, model: string, categoryKey: string) {
  shop()
    .app.sqlite.prepare(
      'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
    )
    .run(id, brand, model, categoryKey, STAMP)
}

/** A job checked in at the desk for a new device typed as `brand` and `model`. */
async function takeIn(brand: string, model: string): Promise<void> {
  const { app, adminToken } = shop()
  await openOrder(app, adminToken, { device: { kind: 'new', fields: { brand, model, serial: uniqueSerial() } } })
}

describe('a job takes its model’s category whatever the case it was typed in', () => {
  it('at intake, when the catalogue spells the model otherwise', async () => {
    addToCatalogue('m-iphone', 'Apple', 'iPhone 15', 'mobile_phone')
    await takeIn('apple', 'IPHONE 15')
    await takeIn('apple', 'iPhone 16')
    expect(await jobsByCategory('apple')).toEqual({ mobile_phone: 1, null: 1 })
  })

  it('when the model enters the catalogue later, and when its category changes there', async () => {
    await takeIn('LENOVO', 'thinkpad x1')
    await takeIn('LENOVO', 'thinkpad x1')
    expect(await jobsByCategory('LENOVO')).toEqual({ null: 2 })

    // HQ's registry brings the model as the brand spells it.
    const row = { ...registryUnitOf('REG-X1'), brand: 'Lenovo', model: 'ThinkPad X1', categoryKey: 'mobile_phone' }
    const { app, clock } = shop()
    app.sqlite.transaction(() =>
      applyRegistryUnits({ sqlite: app.sqlite, at: clock.now() }, [{ key: 'REG-X1', operation: 'upsert', row }])
    )()
    expect(await jobsByCategory('LENOVO')).toEqual({ mobile_phone: 2 })

    app.sqlite.prepare("UPDATE product_models SET category_key = 'laptop_computer' WHERE model = 'ThinkPad X1'").run()
    expect(await jobsByCategory('LENOVO')).toEqual({ laptop_computer: 2 })

    // Renamed in the catalogue to another model: the jobs keep no category of it.
    app.sqlite.prepare("UPDATE product_models SET model = 'ThinkPad X1 Carbon' WHERE model = 'ThinkPad X1'").run()
    expect(await jobsByCategory('LENOVO')).toEqual({ null: 2 })
  })

  it('when the device’s model is corrected to one the catalogue has in another case', async () => {
    addToCatalogue('m-mate', 'Huawei', 'Mate X5', 'mobile_phone')
    await takeIn('HUAWEI', 'mate x')
    expect(await jobsByCategory('HUAWEI')).toEqual({ null: 1 })
    shop().app.sqlite.prepare("UPDATE devices SET model = 'MATE X5' WHERE brand = 'HUAWEI' AND model = 'mate x'").run()
    expect(await jobsByCategory('HUAWEI')).toEqual({ mobile_phone: 1 })
  })

  it('takes the entry spelt as the job when the catalogue has the model in two cases', async () => {
    addToCatalogue('m-redmi-1', 'Xiaomi', 'Redmi 13', 'mobile_phone')
    addToCatalogue('m-redmi-2', 'XIAOMI', 'REDMI 13', 'laptop_computer')
    await takeIn('XIAOMI', 'REDMI 13')
    await takeIn('xiaomi', 'redmi 13')
    expect(await jobsByCategory('XIAOMI')).toEqual({ laptop_computer: 1 })
    // Spelt as neither: the older entry.
    expect(await jobsByCategory('xiaomi')).toEqual({ mobile_phone: 1 })
    // That entry leaves the catalogue: the other spelling is still the model.
    shop().app.sqlite.prepare("DELETE FROM product_models WHERE id = 'm-redmi-1'").run()
    expect(await jobsByCategory('xiaomi')).toEqual({ laptop_computer: 1 })
  })
})

describe('the step over a shop whose jobs were typed in another case than the catalogue', () => {
  it('gives those jobs their model’s category and moves their sums there, leaving the rest as they were', () => {
    const { before, withStep } = stepsAround(reportCategoryInAnyCase)
    const { sqlite, run } = screenJobsBefore(before, [['known', 'paid_repair']])
    const jobOn = (id: string, brand: string, model: string) => {
      run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
        VALUES ('d-${id}', 'c', '${brand}', '${model}', 'SN-${id}', '${STAMP}', '${STAMP}')`)
      run(
        `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
           reported_fault, condition_json, accessories_json, created_at, updated_at)
         VALUES ('${id}', 'WO-${id}', '000000', 'c', 'd-${id}', 'paid_repair', 'walk_in', 'received', '不开机', '{}', '{}',
           '${STAMP}', '${STAMP}')`
      )
    }
    jobOn('shouted', 'HUAWEI', 'p60')
    jobOn('unknown', 'huawei', 'Mate 99')
    const { categories, monthByCategory, sliceJobs } = categoryTables(sqlite)
    expect(categories()).toEqual([
      { work_order_id: 'known', category_key: 'mobile_phone' },
      { work_order_id: 'shouted', category_key: null },
      { work_order_id: 'unknown', category_key: null }
    ])
    expect(monthByCategory()).toEqual([
      { key: '', jobs: 2 },
      { key: 'mobile_phone', jobs: 1 }
    ])

    migrate(sqlite, withStep)

    expect(categories()).toEqual([
      { work_order_id: 'known', category_key: 'mobile_phone' },
      { work_order_id: 'shouted', category_key: 'mobile_phone' },
      { work_order_id: 'unknown', category_key: null }
    ])
    expect(monthByCategory()).toEqual([
      { key: '', jobs: 1 },
      { key: 'mobile_phone', jobs: 2 }
    ])
    expect(sliceJobs()).toEqual([
      { skey: '', jobs: 1 },
      { skey: 'mobile_phone', jobs: 2 }
    ])
    sqlite.close()
  })
})
