import { describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'

describe('the satisfaction report', () => {
  const shop = staffedShopPerFile()

  /** A job driven to its pick-up, and the follow-up the pick-up opened. */
  async function pickedUpJobsFollowUp(): Promise<string> {
    const { app, adminToken, staff } = shop()
    const { id } = await driveTo(app, adminToken, 'picked_up')
    const all = await callOk(app, 'customerContact.followUps', { status: 'all', pageSize: 200 }, staff.frontDesk.token)
    return all.rows.find((row) => row.workOrderId === id)!.id
  }

  it('counts the calls, the share reached and satisfied, the averages and the complaints they opened', async () => {
    const { app, staff } = shop()
    const answers = [
      { reached: true, scores: { attitude: 90, speed: 85, quality: 95, price: 80 } }, // 87.5: satisfied
      { reached: true, scores: { attitude: 90, speed: 60, quality: 90, price: 70 } }, // 77.5: a complaint
      { reached: false, scores: null }
    ]
    for (const answer of answers) {
      const followUpId = await pickedUpJobsFollowUp()
      await callOk(app, 'customerContact.recordCall', { followUpId, ...answer }, staff.frontDesk.token)
    }

    // The test clock stands on 2026-01-23 in the shop's zone.
    const report = await callOk(
      app,
      'reports.run',
      { report: 'satisfaction', from: '2026-01-23', to: '2026-01-23' },
      staff.manager.token
    )
    const figure = (key: string) => report.figures.find((each) => each.key === key)?.value
    expect(figure('followUps')).toBe(3)
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
    expect(dayBefore.figures.find((each) => each.key === 'followUps')?.value).toBe(0)
  })

  it('counts every call a follow-up took, and the share of follow-ups that reached the customer', async () => {
    const { app, staff } = shop()
    const from = '2026-01-23'
    const before = await callOk(app, 'reports.run', { report: 'satisfaction', from, to: from }, staff.manager.token)
    const figureIn = (report: typeof before, key: string) =>
      Number(report.figures.find((each) => each.key === key)?.value ?? 0)
    // One customer answered at the third call, another at the first: four calls, two follow-ups, both reached.
    const scores = { attitude: 90, speed: 90, quality: 90, price: 90 }
    for (const tries of [3, 1]) {
      const followUpId = await pickedUpJobsFollowUp()
      for (let call = 1; call <= tries; call++) {
        const reached = call === tries
        await callOk(
          app,
          'customerContact.recordCall',
          { followUpId, reached, scores: reached ? scores : null },
          staff.frontDesk.token
        )
      }
    }
    const after = await callOk(app, 'reports.run', { report: 'satisfaction', from, to: from }, staff.manager.token)
    expect(figureIn(after, 'followUps') - figureIn(before, 'followUps')).toBe(2)
    expect(figureIn(after, 'calls') - figureIn(before, 'calls')).toBe(4)
    const reached = (report: typeof before) => figureIn(report, 'reachedRate') * figureIn(report, 'followUps')
    expect(Math.round(reached(after) - reached(before))).toBe(2)
    const technicianRows = after.tables.find((table) => table.key === 'byTechnician')!.rows
    expect(technicianRows.reduce((total, row) => total + Number(row.calls), 0)).toBe(figureIn(after, 'calls'))
    expect(technicianRows.reduce((total, row) => total + Number(row.followUps), 0)).toBe(figureIn(after, 'followUps'))
  })
})
