import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, createUserAndSignIn, freshShopPerTest, testClock } from '../helpers'

const freshShop = freshShopPerTest()
const PATTERN = { brand: 'Huawei', model: 'P60', componentCode: 'L1', faultCode: 'F1' }

describe('corrective actions on fault patterns', () => {
  it('a manager opens an action, moves it on and closes it, each step audited', async () => {
    const clock = testClock('2026-03-10T02:00:00.000Z')
    const shop = await freshShop(clock)
    const manager = await createUserAndSignIn(shop.app, shop.adminToken, 'manager')
    const opened = await callOk(
      shop.app,
      'reports.saveFaultAction',
      { ...PATTERN, owner: '王工', action: '与厂家核对屏幕批次', dueDate: '2026-03-20' },
      manager.token
    )
    expect(opened).toMatchObject({ ...PATTERN, status: 'open', closedAt: null, overdue: false })
    expect(opened.createdByName).toBe(manager.user.displayName)

    // Due yesterday (shop calendar) and not closed: overdue.
    const moved = await callOk(
      shop.app,
      'reports.saveFaultAction',
      {
        id: opened.id,
        ...PATTERN,
        owner: '王工',
        action: '与厂家核对屏幕批次',
        dueDate: '2026-03-09',
        status: 'in_progress'
      },
      manager.token
    )
    expect(moved).toMatchObject({ status: 'in_progress', overdue: true })
    const [listed] = await callOk(shop.app, 'reports.faultActions', {}, manager.token)
    expect(listed).toMatchObject({ id: opened.id, overdue: true })

    clock.advance(5 * 60_000)

    const closed = await callOk(
      shop.app,
      'reports.saveFaultAction',
      {
        id: opened.id,
        ...PATTERN,
        owner: '王工',
        action: '与厂家核对屏幕批次',
        dueDate: '2026-03-09',
        status: 'closed'
      },
      manager.token
    )
    expect(closed).toMatchObject({ status: 'closed', closedAt: clock.now().toISOString(), overdue: false })

    const audit = auditRows(shop.app).filter((row) => row.entity === 'fault_action')
    expect(audit.map((row) => row.action)).toEqual([
      'reports.faultActionOpened',
      'reports.faultActionChanged',
      'reports.faultActionChanged'
    ])
    expect(audit[2]!.before).toMatchObject({ status: 'in_progress' })
    expect(audit[2]!.after).toMatchObject({ status: 'closed' })
  })

  it('lists open actions before closed ones, soonest due first', async () => {
    const shop = await freshShop()
    const save = (dueDate: string, status: 'open' | 'closed') =>
      callOk(
        shop.app,
        'reports.saveFaultAction',
        { ...PATTERN, owner: '王工', action: dueDate, dueDate, status },
        shop.adminToken
      )
    await save('2026-05-01', 'closed')
    await save('2026-04-01', 'open')
    await save('2026-03-01', 'open')
    const list = await callOk(shop.app, 'reports.faultActions', {}, shop.adminToken)
    expect(list.map((action) => [action.dueDate, action.status])).toEqual([
      ['2026-03-01', 'open'],
      ['2026-04-01', 'open'],
      ['2026-05-01', 'closed']
    ])
  })

  it('is refused to a technician, and changing one that does not exist is NOT_FOUND', async () => {
    const shop = await freshShop()
    const technician = await createUserAndSignIn(shop.app, shop.adminToken, 'technician')
    const input = { ...PATTERN, owner: '王工', action: '核对', dueDate: '2026-03-20' }
    expect((await callError(shop.app, 'reports.saveFaultAction', input, technician.token)).code).toBe('FORBIDDEN')
    const missing = await callError(
      shop.app,
      'reports.saveFaultAction',
      { ...input, id: '01890000-0000-7000-8000-000000000000' },
      shop.adminToken
    )
    expect(missing).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.faultActionNotFound' })
  })
})
