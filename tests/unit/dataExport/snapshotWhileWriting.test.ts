import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { ADMIN, SHOP, callOk } from '../helpers'
import { openArchive, rowsOf } from './archiveReader'

const folders: string[] = []
const apps: AppContext[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await closeApp(app)
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const CUSTOMERS = 20_000

describe('exporting a shop stored in a file', () => {
  it('reads one snapshot while the counter keeps writing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'service-center-export-'))
    folders.push(folder)
    const app = openApp({ dataDir: folder })
    apps.push(app)
    const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    const insert = app.sqlite.prepare(
      `INSERT INTO customers (id, name, mobile, other_phones_json, address, company, notes, tags_json, search_text, created_at, updated_at)
       VALUES (?, ?, NULL, '[]', '', '', '', '[]', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`
    )
    app.sqlite.transaction(() => {
      for (let i = 0; i < CUSTOMERS; i++) insert.run(`c-${String(i).padStart(6, '0')}`, `客户${i}`)
    })()

    let exportDone = false
    const exporting = callOk(app, 'dataExport.shop', { language: 'en' }, token).then((file) => {
      exportDone = true
      return file
    })
    // A desk takes a customer in while the export reads: it neither waits for the export nor fails.
    const created = await callOk(app, 'customers.create', { name: '新来的', mobile: '13700000001' }, token)
    expect(exportDone).toBe(false)
    const archive = await openArchive((await exporting).base64)
    const names = rowsOf(archive, 'customers.csv').map((row) => row['Name'])
    // The export is the moment it started: every customer before it, not the one added during it.
    expect(names.length).toBe(CUSTOMERS)
    expect(names).not.toContain(created.name)
  }, 60_000)
})
