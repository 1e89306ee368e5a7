import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import { PASSCODE_KEY_FILE, type PasscodeKeyProvider } from '../../../src-main/app/passcodeKey'
import { passcodeKeyId } from '../../../src-main/features/workOrders/passcodeSeal'
import { sealStoredPasscodes } from '../../../src-main/features/workOrders/sealStoredPasscodes'
import { ADMIN, callOk, SHOP, tempDir, testClock } from '../helpers'
import { openOrder } from './fixtures'

/** Distinctive enough that finding its bytes in the file cannot be a coincidence. */
const PASSCODE = 'pin-8Kq2Wz'

const folders: { remove: () => void }[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) folder.remove()
})

function dataFolder(): string {
  const folder = tempDir()
  folders.push(folder)
  return folder.path
}

/** Every byte SQLite has on disk for the shop: the file and its WAL. */
function bytesOnDisk(dataDir: string): Buffer {
  const file = join(dataDir, DATABASE_FILE_NAME)
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path)))
}

function storedPasscode(app: AppContext, id: string): string | null {
  return (app.sqlite.prepare('SELECT passcode FROM work_orders WHERE id = ?').get(id) as { passcode: string | null })
    .passcode
}

async function shopWithPasscode(dataDir: string, keys?: PasscodeKeyProvider) {
  const app = openApp({ dataDir, clock: testClock().now, passcodeKeys: keys })
  const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
  const { id } = await openOrder(app, token, { passcode: { consent: true, value: PASSCODE } })
  return { app, token, id }
}

async function passcodeSeenByAdmin(dataDir: string, id: string, keys?: PasscodeKeyProvider) {
  const app = openApp({ dataDir, passcodeKeys: keys })
  try {
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    return { passcode: (await callOk(app, 'workOrders.get', { id }, token)).passcode, stored: storedPasscode(app, id) }
  } finally {
    await closeApp(app)
  }
}

describe('device passcodes at rest', () => {
  it('are sealed before they are written: the database file never holds one, and those allowed still read it', async () => {
    const dataDir = dataFolder()
    const { app, token, id } = await shopWithPasscode(dataDir)
    expect((await callOk(app, 'workOrders.get', { id }, token)).passcode).toBe(PASSCODE)
    expect(storedPasscode(app, id)).toMatch(/^pc1:[0-9a-f]{16}:[\w-]{16}:[\w-]+$/)
    expect(bytesOnDisk(dataDir).includes(PASSCODE)).toBe(false)
    await closeApp(app)
    expect(bytesOnDisk(dataDir).includes(PASSCODE)).toBe(false)

    // The key is the shop's, in a file only its owner reads, and the next start opens the passcode with it.
    expect(statSync(join(dataDir, PASSCODE_KEY_FILE)).mode & 0o777).toBe(0o600)
    expect((await passcodeSeenByAdmin(dataDir, id)).passcode).toBe(PASSCODE)
  })

  it('stored in plain text by an older release, are sealed at the next start, once, and gone from the file', async () => {
    const dataDir = dataFolder()
    const { app, id } = await shopWithPasscode(dataDir)
    app.sqlite.prepare('UPDATE work_orders SET passcode = ? WHERE id = ?').run(PASSCODE, id)
    await closeApp(app)
    expect(bytesOnDisk(dataDir).includes(PASSCODE)).toBe(true)

    const first = await passcodeSeenByAdmin(dataDir, id)
    expect(first.passcode).toBe(PASSCODE)
    expect(first.stored).toMatch(/^pc1:/)
    expect(bytesOnDisk(dataDir).includes(PASSCODE)).toBe(false)

    // Idempotent: the next start finds nothing to do and leaves the sealed value as it was.
    const again = openApp({ dataDir })
    expect(sealStoredPasscodes(again.sqlite)).toBe(0)
    expect(storedPasscode(again, id)).toBe(first.stored)
    await closeApp(again)
  })

  it('a sealed value copied onto another job does not open there', async () => {
    const dataDir = dataFolder()
    const { app, token, id } = await shopWithPasscode(dataDir)
    const other = await openOrder(app, token, { passcode: { consent: false, value: '' } })
    app.sqlite.prepare('UPDATE work_orders SET passcode = ? WHERE id = ?').run(storedPasscode(app, id), other.id)
    expect((await callOk(app, 'workOrders.get', { id: other.id }, token)).passcode).toBeNull()
    await closeApp(app)
  })

  it('a new key takes over: values sealed under the old one still open and are resealed at start-up', async () => {
    const dataDir = dataFolder()
    const oldKey = randomBytes(32)
    const newKey = randomBytes(32)
    const { app, id } = await shopWithPasscode(dataDir, { loadKeys: () => ({ current: oldKey, previous: [] }) })
    expect(storedPasscode(app, id)).toContain(`:${passcodeKeyId(oldKey)}:`)
    await closeApp(app)

    const rotated = await passcodeSeenByAdmin(dataDir, id, {
      loadKeys: () => ({ current: newKey, previous: [oldKey] })
    })
    expect(rotated.passcode).toBe(PASSCODE)
    expect(rotated.stored).toContain(`:${passcodeKeyId(newKey)}:`)
  })
})
