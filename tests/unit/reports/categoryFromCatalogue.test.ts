import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { reportCategoryFromCatalogue } from '../../../src-main/features/reports/migrations'
import { applyRegistryUnits } from '../../../src-main/features/warranty/hqRegistry'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { registryUnitOf } from '../sync/hqFixture'
import { categoryTables, turnaroundJobsByCategory } from './categoryReadings'
import { screenJobsBefore, STAMP, stepsAround } from './screenJobsBefore'

/**
 * The brand's registry reaches the shop after its first jobs for a model (imported, or pulled
 * from HQ), and a model's category can change there. A job's category in the reports is its
 * model's in the catalogue as it is now, and the sums by category move with it.
 */
const shop = staffedShopPerFile()

const today = () => shopLocalDate(shop().clock.now(), 'Asia/Shanghai')
/** The turnaround report's jobs by category today (null: （未指定）), the sums checked against the facts. */
const jobsByCategory = (filter: Record<string, string> = {}) => turnaroundJobsByCategory(shop().app.db, today(), filter)

/** HQ's registry pulled with one unit of the model (the catalogue learns the model with it). */
function pullRegistryUnit(serial: string, brand: string, model: string, categoryKey: string) {
  const { app, clock } = shop()
  const row = { ...registryUnitOf(serial), brand, model, categoryKey }
  app.sqlite.transaction(() =>
    applyRegistryUnits({ sqlite: app.sqlite, at: clock.now() }, [{ key: serial, operation: 'upsert', row }])
  )()
}

describe('a job takes its category from the catalogue whenever the model gets there', () => {
  it('a model the registry brings later gives its jobs their category, and changing or dropping it moves them', async () => {
    const { app, adminToken } = shop()
    const sqlite = app.sqlite
    const model = sqlite.prepare("SELECT count(*) FROM product_models WHERE brand = '华为' AND model = 'Mate 60'")
    expect(model.pluck().get()).toBe(0)
    // Two finished jobs for a model the shop's catalogue does not know yet.
    await driveTo(app, adminToken, 'ready_for_pickup')
    await driveTo(app, adminToken, 'ready_for_pickup')
    expect(await jobsByCategory()).toEqual({ null: 2 })

    // HQ's registry arrives with the model: the jobs are phones now, in the sums too.
    pullRegistryUnit('REG-1', '华为', 'Mate 60', 'mobile_phone')
    expect(await jobsByCategory()).toEqual({ mobile_phone: 2 })
    expect(await jobsByCategory({ categoryKey: 'mobile_phone' })).toEqual({ mobile_phone: 2 })

    // The catalogue corrects the model's category: its jobs move with it.
    sqlite
      .prepare("UPDATE product_models SET category_key = 'laptop_computer' WHERE brand = '华为' AND model = 'Mate 60'")
      .run()
    expect(await jobsByCategory()).toEqual({ laptop_computer: 2 })
    expect(await jobsByCategory({ categoryKey: 'mobile_phone' })).toEqual({})

    // The model leaves the catalogue (an import undone): its jobs have no category again.
    sqlite.prepare("DELETE FROM warranty_units WHERE serial = 'REG-1'").run()
    sqlite.prepare("DELETE FROM product_models WHERE brand = '华为' AND model = 'Mate 60'").run()
    expect(await jobsByCategory()).toEqual({ null: 2 })
  })
})

describe('the step over a shop whose models came after their jobs', () => {
  it('gives every job its model’s category and moves its sums there', () => {
    const { before, withStep } = stepsAround(reportCategoryFromCatalogue)
    const shopBefore = screenJobsBefore(before, [['known', 'paid_repair']])
    const { sqlite, run } = shopBefore
    // A P70 taken in before the registry knew it, then the registry brought the model.
    run(`INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at)
      VALUES ('d70', 'c', 'Huawei', 'P70', 'SN70', '${STAMP}', '${STAMP}')`)
    run(
      `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
         reported_fault, condition_json, accessories_json, created_at, updated_at)
       VALUES ('late', 'WO-late', '000000', 'c', 'd70', 'paid_repair', 'walk_in', 'received', '不开机', '{}', '{}',
         '${STAMP}', '${STAMP}')`
    )
    run(`INSERT INTO product_models (id, brand, model, category_key, created_at)
      VALUES ('m70', 'Huawei', 'P70', 'mobile_phone', '${STAMP}')`)
    const { categories, monthByCategory, sliceJobs } = categoryTables(sqlite)
    expect(categories()).toEqual([
      { work_order_id: 'known', category_key: 'mobile_phone' },
      { work_order_id: 'late', category_key: null }
    ])
    expect(monthByCategory()).toEqual([
      { key: '', jobs: 1 },
      { key: 'mobile_phone', jobs: 1 }
    ])

    migrate(sqlite, withStep)

    expect(categories()).toEqual([
      { work_order_id: 'known', category_key: 'mobile_phone' },
      { work_order_id: 'late', category_key: 'mobile_phone' }
    ])
    expect(monthByCategory()).toEqual([{ key: 'mobile_phone', jobs: 2 }])
    expect(sliceJobs()).toEqual([{ skey: 'mobile_phone', jobs: 2 }])
    sqlite.close()
  })
})
