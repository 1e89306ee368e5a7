import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeApp, openApp, DATABASE_FILE_NAME } from '../../../src-main/app/openApp'
import { openSqlite } from '../../../src-main/db/connection'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { deskSettings } from '../../../src-main/features/settings/migrations'
import type { CallSource } from '../../../src-main/rpc/callSource'
import { dispatch } from '../../../src-main/rpc/dispatch'
import { handlers } from '../../../src-main/rpc/handlers'
import type { Output, OperationName, Input } from '../../../src-shared/contract'
import { callOk, SHOP, ADMIN, type SignedInUser } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import type { AppContext } from '../../../src-main/app/context'

const shop = staffedShopPerFile()

/** A paired desk of the shop network (the host sets deskId once it checked the desk's credential). */
const warehouseDesk: CallSource = { transport: 'http', address: '192.168.1.31', deskId: 'desk-warehouse' }

async function callAt<K extends OperationName>(
  app: AppContext,
  source: CallSource,
  operation: K,
  input: Input<K>,
  token: string
): Promise<Output<K>> {
  const result = await dispatch(app, handlers, { operation, input, token, source })
  if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`)
  return result.data as Output<K>
}

/** A session opened at the warehouse desk: a session belongs to the desk it was opened at. */
async function signInAtWarehouse(app: AppContext, who: SignedInUser): Promise<string> {
  const signedIn = await callAt(
    app,
    warehouseDesk,
    'auth.signIn',
    { username: who.user.username, password: who.password },
    ''
  )
  return signedIn.token
}

describe('settings that belong to a desk', () => {
  it('printers and paper saved at one desk stay that desk’s; another desk keeps its own', async () => {
    const { app, staff } = shop()
    const managerAtWarehouse = await signInAtWarehouse(app, staff.manager)
    const clerkAtWarehouse = await signInAtWarehouse(app, staff.clerk)
    const counter = { paper: 'roll_58', printerName: 'XP-58', silent: true } as const
    const label = { paper: 'label_40x30', printerName: 'GP-3120TU', silent: true } as const
    await callOk(app, 'printing.saveSettings', { settings: { payment_receipt: counter } }, staff.manager.token)
    await callAt(app, warehouseDesk, 'printing.saveSettings', { settings: { device_label: label } }, managerAtWarehouse)

    const atThisPc = await callOk(app, 'printing.settings', {}, staff.manager.token)
    const atWarehouse = await callAt(app, warehouseDesk, 'printing.settings', {}, clerkAtWarehouse)
    expect(atThisPc.payment_receipt).toEqual(counter)
    expect(atThisPc.device_label.printerName).toBe('')
    expect(atWarehouse.device_label).toEqual(label)
    expect(atWarehouse.payment_receipt.printerName).toBe('')
  })

  it('the UI language is the desk’s, whoever signs in there', async () => {
    const { app, staff } = shop()
    const clerkAtWarehouse = await signInAtWarehouse(app, staff.clerk)
    const managerAtWarehouse = await signInAtWarehouse(app, staff.manager)
    expect(await callAt(app, warehouseDesk, 'settings.desk', {}, clerkAtWarehouse)).toEqual({ language: null })
    await callAt(app, warehouseDesk, 'settings.saveDesk', { language: 'en' }, clerkAtWarehouse)
    expect(await callAt(app, warehouseDesk, 'settings.desk', {}, managerAtWarehouse)).toEqual({ language: 'en' })
    expect(await callOk(app, 'settings.desk', {}, staff.manager.token)).toEqual({ language: null })
  })
})

describe('upgrading a shop that saved print settings before desks existed', () => {
  it('keeps them for this PC and starts every new desk from them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-settings-'))
    try {
      const sqlite = openSqlite(join(dataDir, DATABASE_FILE_NAME))
      // The shop as it was before desks: every step before the desk settings.
      migrate(sqlite, allMigrations.slice(0, allMigrations.indexOf(deskSettings)))
      const saved = {
        payment_receipt: { paper: 'roll_80', printerName: 'TM-T82', silent: true },
        device_label: { paper: 'label_40x30', printerName: 'GP-3120TU', silent: false }
      }
      sqlite
        .prepare(
          `INSERT INTO shop_settings (key, value, updated_at, updated_by) VALUES ('printing.settings', ?, ?, NULL)`
        )
        .run(JSON.stringify(saved), '2026-01-20T08:00:00.000Z')
      sqlite.close()

      const app = openApp({ dataDir })
      try {
        const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
        const atThisPc = await callOk(app, 'printing.settings', {}, token)
        expect(atThisPc.payment_receipt).toEqual(saved.payment_receipt)
        expect(atThisPc.device_label).toEqual(saved.device_label)
        const stored = app.sqlite.prepare(`SELECT desk_id FROM desk_settings WHERE key = 'printing.settings'`).all()
        expect(stored).toEqual([{ desk_id: 'this-pc' }])
        const adminAtWarehouse = await callAt(
          app,
          warehouseDesk,
          'auth.signIn',
          { username: ADMIN.username, password: ADMIN.password },
          ''
        )
        const atNewDesk = await callAt(app, warehouseDesk, 'printing.settings', {}, adminAtWarehouse.token)
        expect(atNewDesk.payment_receipt).toEqual(saved.payment_receipt)
      } finally {
        await closeApp(app)
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
