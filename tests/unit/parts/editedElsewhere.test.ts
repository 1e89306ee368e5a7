import { describe, expect, it } from 'vitest'
import type { Input, Part } from '../../../src-shared/contract'
import { applyCatalogueParts } from '../../../src-main/features/parts/hqCatalogue'
import { partCatalogueEditVersion } from '../../../src-main/features/parts/migrations'
import { allMigrations } from '../../../src-main/db/migrations'
import { migrate } from '../../../src-main/db/migrator'
import { shopBefore } from '../checkout/upgradeFixtures'
import { callError, callOk, MINUTE, testClock } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive, tableCounts } from './fixtures'

const clock = testClock()
const shop = staffedShopPerFile(clock)

/** The catalogue edit a form filled from `part` sends, with some fields changed. */
function editOf(part: Part, changes: Partial<Input<'parts.update'>['fields']>): Input<'parts.update'> {
  return {
    id: part.id,
    expectedEditedAt: part.editedAt,
    fields: {
      partNumber: part.partNumber,
      name: part.name,
      description: part.description,
      unit: part.unit,
      binLocation: part.binLocation,
      barcodes: part.barcodes,
      compatibleModelIds: part.compatibleModels.map((model) => model.id),
      sellingPriceFen: part.sellingPriceFen,
      reorderPoint: part.reorderPoint,
      reorderQuantity: part.reorderQuantity,
      serialTracked: part.serialTracked,
      returnFaulty: part.returnFaulty,
      active: part.active,
      ...changes
    }
  }
}

describe('two desks editing one part', () => {
  it('stock moving at another desk never refuses a catalogue edit made from the form filled before it', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    // The manager opens the edit form; meanwhile the clerk receives a delivery and scraps a unit.
    const filled = await callOk(app, 'parts.get', { id: part.id }, staff.manager.token)
    clock.advance(MINUTE)
    await receive(app, staff.clerk.token, part.id, 5, 10_000)
    clock.advance(MINUTE)
    await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'scrap', quantity: 1, reason: '跌落' },
      staff.clerk.token
    )
    const moved = await callOk(app, 'parts.get', { id: part.id }, staff.clerk.token)
    expect(moved.updatedAt).not.toBe(filled.updatedAt)
    expect(moved.editedAt).toBe(filled.editedAt)

    clock.advance(MINUTE)
    const saved = await callOk(app, 'parts.update', editOf(filled, { sellingPriceFen: 45_900 }), staff.manager.token)
    expect(saved).toMatchObject({ sellingPriceFen: 45_900, onHand: 4 })
    expect(saved.editedAt).not.toBe(filled.editedAt)
  })

  it('a catalogue edit made from a form filled before another desk’s edit is refused, and nothing changes', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    const filledA = await callOk(app, 'parts.get', { id: part.id }, staff.manager.token)
    const filledB = await callOk(app, 'parts.get', { id: part.id }, staff.clerk.token)

    clock.advance(MINUTE)
    const renamed = await callOk(app, 'parts.update', editOf(filledB, { binLocation: 'B-02' }), staff.clerk.token)
    const counts = tableCounts(app)
    clock.advance(MINUTE)
    const refused = await callError(
      app,
      'parts.update',
      editOf(filledA, { sellingPriceFen: 1_000 }),
      staff.manager.token
    )
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.changedElsewhere',
      details: { savedAt: renamed.editedAt }
    })
    expect(tableCounts(app)).toEqual(counts)
    const latest = await callOk(app, 'parts.get', { id: part.id }, staff.manager.token)
    expect(latest).toMatchObject({ binLocation: 'B-02', sellingPriceFen: part.sellingPriceFen })

    // Filled again from the latest, the price change goes through and keeps the other desk's bin.
    const saved = await callOk(app, 'parts.update', editOf(latest, { sellingPriceFen: 1_000 }), staff.manager.token)
    expect(saved).toMatchObject({ binLocation: 'B-02', sellingPriceFen: 1_000 })
  })

  it('HQ’s catalogue arriving moves the version too: a form filled before it is refused', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    const filled = await callOk(app, 'parts.get', { id: part.id }, staff.manager.token)
    clock.advance(MINUTE)
    app.sqlite.transaction(() =>
      applyCatalogueParts({ sqlite: app.sqlite, at: clock.now() }, [
        {
          key: part.partNumber,
          operation: 'upsert',
          row: {
            partNumber: part.partNumber,
            name: '屏幕总成（新版）',
            description: '',
            unit: 'piece',
            claimPriceFen: 20_000,
            retailPriceFen: 39_900,
            returnFaulty: true,
            serialTracked: false
          }
        }
      ])
    )()
    const refused = await callError(app, 'parts.update', editOf(filled, { binLocation: 'C-01' }), staff.manager.token)
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.changedElsewhere' })
  })

  it('a caller that sends no version is not checked', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    clock.advance(MINUTE)
    await callOk(app, 'parts.update', editOf(part, { binLocation: 'A-01' }), staff.clerk.token)
    const { expectedEditedAt: _unused, ...unversioned } = editOf(part, { binLocation: 'A-02' })
    expect(await callOk(app, 'parts.update', unversioned, staff.clerk.token)).toMatchObject({ binLocation: 'A-02' })
  })
})

describe('upgrading to a catalogue version of its own', () => {
  it('a part already there starts from the time it was last saved', () => {
    expect(allMigrations).toContain(partCatalogueEditVersion)
    const at = '2026-10-01T02:00:00.000Z'
    const sqlite = shopBefore(partCatalogueEditVersion.version, at, {
      username: 'clerk',
      displayName: '李娜',
      role: 'warehouse_clerk'
    })
    sqlite
      .prepare(
        `INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
         VALUES ('p1', 'P-1', '电池', 'piece', 100, 50, '', ?, '2026-10-02T03:00:00.000Z')`
      )
      .run(at)
    migrate(sqlite, allMigrations)
    expect(sqlite.prepare('SELECT edited_at FROM parts').pluck().all()).toEqual(['2026-10-02T03:00:00.000Z'])
    sqlite.close()
  })
})
