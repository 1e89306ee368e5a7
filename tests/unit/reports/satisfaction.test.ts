import { describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'

describe('the satisfaction report', () => {
  const shop = staffedShopPerFile()

  it('counts the calls, the share reached and satisfied, the averages and the complaints they opened', async () => {
    const { app, adminToken, staff } = shop()
    const answers = [
      { reached: true, scores: { attitude: 90, speed: 85, quality: 95, price: 80 } }, // 87.5: satisfied
      { reached: true, scores: { attitude: 90, speed: 60, quality: 90, price: 70 } }, // 77.5: a complaint
      { reached: false, scores: null }
    ]
    for (const answer of answers) {
      const { id } = await driveTo(app, adminToken, 'picked_up')
      const all = await callOk(
        app,
        'customerContact.followUps',
        { status: 'all', pageSize: 200 },
        staff.frontDesk.token
      )
      const followUp = all.rows.find((row) => row.workOrderId === id)!
      await callOk(app, 'customerContact.recordCall', { followUpId: followUp.id, ...answer }, staff.frontDesk.token)
    }

    // The test clock stands on 2026-01-23 in the shop's zone.
    const report = await callOk(
      app,
      'reports.run',
      { report: 'satisfaction', from: '2026-01-23', to: '2026-01-23' },
      staff.manager.token
    )
    const figure = (key: string) => report.figures.find((each) => each.key === key)?.value
    expect(figure('calls')).toBe(3)
    expect(figure('reachedRate')).toBeCloseTo(2 / 3)
    expect(figure('averageScore')).toBe(82.5)
    expect(figure('satisfiedRate')).toBe(0.5)
    expect(figure('complaints')).toBe(1)
    const byAspect = report.tables.find((table) => table.key === 'byAspect')!.rows
    expect(byAspect).toEqual([
      { aspect: 'attitude', averageScore: 90 },
      { aspect: 'speed', averageScore: 72.5 },
      { aspect: 'quality', averageScore: 92.5 },
      { aspect: 'price', averageScore: 75 }
    ])

    const dayBefore = await callOk(
      app,
      'reports.run',
      { report: 'satisfaction', from: '2026-01-22', to: '2026-01-22' },
      staff.manager.token
    )
    expect(dayBefore.figures.find((each) => each.key === 'calls')?.value).toBe(0)
  })
})
