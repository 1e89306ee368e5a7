import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATEGORY_KEYS, DEFAULT_POLICIES } from '../../../../src-shared/domain/warranty/policy'
import { auditRows, callError, callOk, createUserAndSignIn } from '../../helpers'
import { lookUp, performance, ruleShop, sell, type RuleShop } from './fixtures'

// The shop starts using the app on 2026-03-31; some units were sold long before.
const TODAY = '2026-03-31'

describe('policies from the past (《部分商品修理更换退货责任规定》第四条: a brand may promise more than the minimum)', () => {
  let shop: RuleShop
  let token: string
  beforeAll(async () => {
    shop = await ruleShop(TODAY)
    token = await shop.on(TODAY)
  })
  afterAll(() => shop.close())

  it('setup starts every category on the national 三包 legal minimum', async () => {
    const policies = await callOk(shop.app, 'warranty.policies', {}, token)
    for (const category of CATEGORY_KEYS) {
      const inForce = policies
        .filter((p) => p.categoryKey === category && p.effectiveFrom <= TODAY)
        .sort((a, b) =>
          a.effectiveFrom === b.effectiveFrom
            ? a.createdAt < b.createdAt
              ? 1
              : -1
            : a.effectiveFrom < b.effectiveFrom
              ? 1
              : -1
        )[0]!
      expect(inForce.note).toBe('国家三包法定最低标准')
      // The app's own wording, unedited: screens show it in the reader's language.
      expect(inForce.seededNote).toBe('legalMinimum')
      expect(policies.find((p) => p.id === `default-${category}`)?.seededNote ?? 'regulationDefaults').toBe(
        'regulationDefaults'
      )
      expect(inForce.policy).toEqual(DEFAULT_POLICIES[category])
    }
  })

  it('the policies list says where each version stands: the legal minimum in force; the seeded default it replaced the same day is not listed', async () => {
    const policies = await callOk(shop.app, 'warranty.policies', {}, token)
    for (const category of CATEGORY_KEYS) {
      const ofCategory = policies.filter((p) => p.categoryKey === category)
      expect(ofCategory.filter((p) => p.standing === 'in_force').map((p) => p.seededNote)).toEqual(['legalMinimum'])
    }
    // The app's defaults never judged a unit: the legal minimum replaced them from their first day.
    expect(policies.filter((p) => p.id.startsWith('default-'))).toEqual([])
  })

  it('a version the shop saved and replaced from its first day stays listed, never in force', async () => {
    const own = await ruleShop(TODAY)
    try {
      const policy = DEFAULT_POLICIES.air_conditioner
      const save = async (day: string, note: string) =>
        callOk(
          own.app,
          'warranty.savePolicy',
          { categoryKey: 'air_conditioner', effectiveFrom: '2026-05-01', policy, note },
          await own.on(day)
        )
      const mistyped = await save(TODAY, '品牌政策 2026')
      const corrected = await save('2026-04-01', '品牌政策 2026（更正）')
      const listed = await callOk(own.app, 'warranty.policies', {}, await own.on('2026-04-01'))
      expect(listed.find((p) => p.id === mistyped.id)?.standing).toBe('never_in_force')
      expect(listed.find((p) => p.id === corrected.id)?.standing).toBe('upcoming')
    } finally {
      await own.close()
    }
  })

  it('an administrator enters a brand policy from a past date: units sold since are judged by it, and the audit keeps what it replaced', async () => {
    const sold = await sell(shop, token, { category: 'tv', purchaseDate: '2025-02-10' })
    // 12 months of the legal minimum ended on 2026-02-10: a paid repair today.
    expect((await lookUp(shop, token, sold, performance())).evaluation.verdict).toBe('paid_repair')
    const before = (await callOk(shop.app, 'warranty.policies', {}, token)).find((p) => p.id === 'legal-minimum-tv')!
    const saved = await callOk(
      shop.app,
      'warranty.savePolicy',
      {
        categoryKey: 'tv',
        effectiveFrom: '2025-01-01',
        policy: { ...before.policy, repairMonths: 36 },
        note: '品牌三年整机保修'
      },
      token
    )
    // A note someone wrote is shown as written.
    expect(saved.seededNote).toBeNull()
    const verdict = await lookUp(shop, token, sold, performance())
    expect(verdict.policy.id).toBe(saved.id)
    expect(verdict.evaluation.verdict).toBe('free_repair')
    expect(verdict.evaluation.repairEnd).toBe('2028-02-10')
    const [audit] = auditRows(shop.app, 'warranty.savePolicyBackdated')
    expect(audit).toMatchObject({ entity: 'warranty_policy', entityId: saved.id })
    expect(audit!.before).toMatchObject({ id: 'legal-minimum-tv', effectiveFrom: '2000-01-01' })
    expect(audit!.after).toMatchObject({ id: saved.id, effectiveFrom: '2025-01-01' })
    // A unit sold before the version's date keeps the policy of its own sale date.
    const older = await sell(shop, token, { category: 'tv', purchaseDate: '2024-12-31' })
    expect((await lookUp(shop, token, older, performance())).policy.id).toBe('legal-minimum-tv')
  })

  it('a manager may only enter versions from today on', async () => {
    const manager = await createUserAndSignIn(shop.app, token, 'manager')
    const current = (await callOk(shop.app, 'warranty.policies', {}, token)).find(
      (p) => p.id === 'legal-minimum-refrigerator'
    )!
    expect(
      await callError(
        shop.app,
        'warranty.savePolicy',
        { categoryKey: 'refrigerator', effectiveFrom: '2026-03-30', policy: current.policy },
        manager.token
      )
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'effectiveFrom' }] } })
    await callOk(
      shop.app,
      'warranty.savePolicy',
      { categoryKey: 'refrigerator', effectiveFrom: TODAY, policy: current.policy },
      manager.token
    )
    expect(auditRows(shop.app, 'warranty.savePolicy').length).toBe(1)
  })
})
