import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { nextDocumentNumber } from '../../../src-main/features/numbering/service'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { formatDocumentNumber } from '../../../src-shared/domain/numbering'
import { isValidTimeZone, shopLocalDate } from '../../../src-shared/domain/timeZone'
import { tempDir } from '../helpers'

const SHANGHAI = 'Asia/Shanghai'

describe('formatDocumentNumber', () => {
  it('writes PREFIX-YYMMDD-NNNN', () => {
    expect(formatDocumentNumber('WO', '2026-01-23', 42)).toBe('WO-260123-0042')
    expect(formatDocumentNumber('RC', '2030-12-05', 1)).toBe('RC-301205-0001')
  })

  it('widens past 9999 rather than wrapping into a number already handed out', () => {
    expect(formatDocumentNumber('WO', '2026-01-23', 9999)).toBe('WO-260123-9999')
    expect(formatDocumentNumber('WO', '2026-01-23', 10000)).toBe('WO-260123-10000')
  })

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => formatDocumentNumber('WO', '20260123', 1)).toThrow(/YYYY-MM-DD/)
    expect(() => formatDocumentNumber('WO', '', 1)).toThrow(/YYYY-MM-DD/)
  })
})

describe('shop-local dates', () => {
  it('follows the shop wall clock, not UTC', () => {
    expect(shopLocalDate(new Date('2026-01-23T15:59:00Z'), SHANGHAI)).toBe('2026-01-23')
    expect(shopLocalDate(new Date('2026-01-23T16:01:00Z'), SHANGHAI)).toBe('2026-01-24')
    expect(shopLocalDate(new Date('2026-01-23T16:01:00Z'), 'UTC')).toBe('2026-01-23')
  })

  it('recognises IANA time zones and rejects made-up ones', () => {
    expect(isValidTimeZone(SHANGHAI)).toBe(true)
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
  })
})

describe('nextDocumentNumber', () => {
  let app: AppContext
  beforeEach(() => {
    app = openApp({ dataDir: ':memory:' })
  })
  afterEach(async () => {
    await closeApp(app)
  })

  it('counts up per prefix within a shop-local day', async () => {
    const at = new Date('2026-01-23T02:00:00Z')
    const issued = []
    issued.push(await nextDocumentNumber(app.db, 'WO', at, SHANGHAI))
    issued.push(await nextDocumentNumber(app.db, 'WO', at, SHANGHAI))
    issued.push(await nextDocumentNumber(app.db, 'RC', at, SHANGHAI))
    issued.push(await nextDocumentNumber(app.db, 'WO', new Date('2026-01-23T15:59:00Z'), SHANGHAI))
    expect(issued).toEqual(['WO-260123-0001', 'WO-260123-0002', 'RC-260123-0001', 'WO-260123-0003'])
  })

  it('restarts at 0001 when the shop-local day changes, even though the UTC date does not', async () => {
    const beforeMidnight = new Date('2026-01-23T15:59:00Z')
    const afterMidnight = new Date('2026-01-23T16:01:00Z')
    expect(await nextDocumentNumber(app.db, 'WO', beforeMidnight, SHANGHAI)).toBe('WO-260123-0001')
    expect(await nextDocumentNumber(app.db, 'WO', beforeMidnight, SHANGHAI)).toBe('WO-260123-0002')
    expect(await nextDocumentNumber(app.db, 'WO', afterMidnight, SHANGHAI)).toBe('WO-260124-0001')
    expect(await nextDocumentNumber(app.db, 'WO', afterMidnight, SHANGHAI)).toBe('WO-260124-0002')
  })

  it('a rolled-back document does not burn its number', async () => {
    const at = new Date('2026-01-23T02:00:00Z')
    await expect(
      app.db.transaction().execute(async (trx) => {
        await nextDocumentNumber(trx, 'WO', at, SHANGHAI)
        throw new Error('the document failed to save')
      })
    ).rejects.toThrow('the document failed to save')
    expect(await nextDocumentNumber(app.db, 'WO', at, SHANGHAI)).toBe('WO-260123-0001')
  })

  it('numbers handed out concurrently are all different', async () => {
    const at = new Date('2026-01-23T02:00:00Z')
    const issued = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.db.transaction().execute((trx) => nextDocumentNumber(trx, 'WO', at, SHANGHAI))
      )
    )
    expect(new Set(issued).size).toBe(20)
    expect([...issued].sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => formatDocumentNumber('WO', '2026-01-23', i + 1))
    )
  })

  it('the counter survives a restart of the app', async () => {
    const dir = tempDir()
    try {
      const at = new Date('2026-01-23T02:00:00Z')
      const first = openApp({ dataDir: dir.path })
      await nextDocumentNumber(first.db, 'WO', at, SHANGHAI)
      await closeApp(first)
      const second = openApp({ dataDir: dir.path })
      expect(await nextDocumentNumber(second.db, 'WO', at, SHANGHAI)).toBe('WO-260123-0002')
      await closeApp(second)
    } finally {
      dir.remove()
    }
  })
})

describe('uuidv7', () => {
  const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('has the RFC 9562 layout: version 7 and the RFC variant', () => {
    for (let i = 0; i < 100; i++) expect(uuidv7()).toMatch(UUID_V7)
  })

  it('is accepted by the contract id schema', () => {
    expect(z.uuid().safeParse(uuidv7()).success).toBe(true)
  })

  it('carries its millisecond timestamp in the first 48 bits', () => {
    const at = Date.UTC(2026, 0, 23, 8, 30, 15, 123)
    const id = uuidv7(at)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
  })

  it('sorts by creation time, as text', () => {
    const start = Date.UTC(2026, 0, 23)
    const times = [0, 1, 2, 999, 1000, 60_000, 86_400_000, 365 * 86_400_000].map((offset) => start + offset)
    const ids = times.map((t) => uuidv7(t))
    expect([...ids].sort()).toEqual(ids)
  })

  it('keeps creation order past 4096 ids in one millisecond and across refills of its random bytes', () => {
    const at = Date.UTC(2026, 0, 24)
    const ids = Array.from({ length: 5000 }, () => uuidv7(at))
    expect(new Set(ids).size).toBe(5000)
    expect([...ids].sort()).toEqual(ids)
    // The clock catching up with the borrowed millisecond does not go back before it.
    const next = uuidv7(at + 1)
    expect(next > ids[ids.length - 1]!).toBe(true)
  })

  it('is unique even within one millisecond', () => {
    const at = Date.UTC(2026, 0, 23)
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(at)))
    expect(ids.size).toBe(1000)
  })

  it('keeps creation order within one millisecond, so an audit row sorts after the one before it', () => {
    const at = Date.UTC(2026, 0, 23, 9)
    const ids = Array.from({ length: 50 }, () => uuidv7(at))
    expect([...ids].sort()).toEqual(ids)
  })
})
