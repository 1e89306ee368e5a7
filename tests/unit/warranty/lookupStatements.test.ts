import { describe, expect, it, vi } from 'vitest'
import { lookUp } from '../../../src-main/features/warranty/service'
import { callOk, freshShopPerTest, testClock } from '../helpers'
import { statementsRun } from '../statementsRun'
import { checkIn, found, unitOf } from './jobFixtures'

describe('a warranty lookup reads what it needs once', () => {
  const shop = freshShopPerTest()

  it('by serial, of a unit with a repair: the unit, the settings, the policy, the repairs and the accessories exchanged, one statement each', async () => {
    const { app, adminToken } = await shop(testClock('2026-03-02T02:00:00.000Z'))
    await callOk(app, 'warranty.register', unitOf('SN-ONCE-1', 'mobile_phone', '2026-01-10'), adminToken)
    await checkIn(app, adminToken, 'SN-ONCE-1')
    const expected = found(await callOk(app, 'warranty.lookup', { query: 'SN-ONCE-1' }, adminToken))
    expect(expected.repairs).toHaveLength(1)
    let answer: unknown
    const run = await statementsRun(app.sqlite, async () => {
      answer = await lookUp(app.db, app.clock(), 'sn-once-1', null)
    })
    expect(answer).toEqual({ kind: 'found', verdict: expected })
    expect(run.filter((source) => source.includes('"shop_settings"'))).toHaveLength(1)
    expect(run.filter((source) => /^select .* from "warranty_units" as "u"/.test(source))).toHaveLength(1)
    expect(run.filter((source) => source.includes('"warranty_accessory_remedies"'))).toHaveLength(1)
    expect(run).toHaveLength(5)
  })
  it('a repeated lookup builds and compiles no query again', async () => {
    const { app, adminToken } = await shop(testClock('2026-03-02T02:00:00.000Z'))
    await callOk(app, 'warranty.register', unitOf('SN-ONCE-2', 'mobile_phone', '2026-01-10'), adminToken)
    await checkIn(app, adminToken, 'SN-ONCE-2')
    const first = await lookUp(app.db, app.clock(), 'SN-ONCE-2', null)
    const compile = vi.spyOn(app.db.getExecutor(), 'compileQuery')
    try {
      expect(await lookUp(app.db, app.clock(), 'SN-ONCE-2', null)).toEqual(first)
      expect(compile).not.toHaveBeenCalled()
    } finally {
      compile.mockRestore()
    }
  })
})
