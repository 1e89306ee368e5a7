import { describe, expect, it } from 'vitest'
import { CODE_LISTS } from '../../../src-shared/domain/repairTypes'
import { SEEDED_CODE_LABELS } from '../../../src-shared/domain/seededCodes'
import { callError, callOk, freshShopPerTest, testClock } from '../helpers'

describe('the codes seeded at first start', () => {
  const shop = freshShopPerTest()
  const clock = () => testClock('2026-01-20T02:00:00.000Z')

  it('are every one seeded as the domain lists it, so each is named in the reader’s language', async () => {
    const { app, adminToken } = await shop(clock())
    const codes = await callOk(app, 'codes.list', { includeInactive: true }, adminToken)
    for (const list of CODE_LISTS) {
      const seeded = Object.entries(SEEDED_CODE_LABELS[list]).map(([code, label]) => ({ code, label, seeded: true }))
      expect(
        codes.filter((entry) => entry.list === list).map(({ code, label, seeded }) => ({ code, label, seeded }))
      ).toEqual(seeded)
    }
  })

  it('keep the shop’s own words once renamed; a code the shop adds is its own', async () => {
    const { app, adminToken } = await shop(clock())
    const renamed = await callOk(
      app,
      'codes.save',
      { list: 'symptom', code: 'S03', label: '触屏漂移', active: true, sortOrder: 30 },
      adminToken
    )
    expect(renamed).toMatchObject({ label: '触屏漂移', seeded: false })
    const added = await callOk(
      app,
      'codes.save',
      { list: 'fault_cause', code: 'C20', label: '其他原因', active: true, sortOrder: 200 },
      adminToken
    )
    // The seeded words under another code are the shop's choice, not the seeded C99.
    expect(added.seeded).toBe(false)
    // Named back as seeded (or only made inactive), it is the app's wording again.
    const restored = await callOk(
      app,
      'codes.save',
      { list: 'symptom', code: 'S03', label: '触摸失灵', active: false, sortOrder: 30 },
      adminToken
    )
    expect(restored.seeded).toBe(true)
  })

  it('a code asked as new is refused when the list has it already (added at another desk meanwhile), and nothing changes', async () => {
    const { app, adminToken } = await shop(clock())
    const first = { list: 'fault_cause', code: 'C21', label: '主板进水', active: true, sortOrder: 210 } as const
    await callOk(app, 'codes.save', { ...first, adding: true }, adminToken)
    const error = await callError(app, 'codes.save', { ...first, label: '其他', adding: true }, adminToken)
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'code', messageKey: 'validation.codeTaken' }] }
    })
    const kept = await callOk(app, 'codes.list', { list: 'fault_cause' }, adminToken)
    expect(kept.find((entry) => entry.code === 'C21')?.label).toBe('主板进水')
    // Editing it (not asked as new) changes it.
    await callOk(app, 'codes.save', { ...first, label: '主板进液' }, adminToken)
    const edited = await callOk(app, 'codes.list', { list: 'fault_cause' }, adminToken)
    expect(edited.find((entry) => entry.code === 'C21')?.label).toBe('主板进液')
  })
})
