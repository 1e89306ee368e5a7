// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '../../../../src-renderer/i18n'
import WarrantyPolicyCard from '../../../../src-renderer/features/warranty/WarrantyPolicyCard.vue'
import type { PolicyVersion } from '../../../../src-shared/contract'
import { DEFAULT_POLICIES } from '../../../../src-shared/domain/warranty/policy'

afterEach(() => setLocale('zh-CN'))

/** A category's policy version as the service answers it. */
function version(fields: Pick<PolicyVersion, 'id' | 'note' | 'seededNote'>): PolicyVersion {
  return {
    categoryKey: 'mobile_phone',
    model: null,
    effectiveFrom: '2000-01-01',
    policy: DEFAULT_POLICIES.mobile_phone,
    createdAt: '2000-01-02T00:00:00.000Z',
    ...fields
  }
}

function shownNote(policy: PolicyVersion): string {
  const wrapper = mount(WarrantyPolicyCard, { props: { policy }, global: { plugins: [ElementPlus, i18n] } })
  const text = wrapper.get('[data-test=policy-note]').text()
  wrapper.unmount()
  return text
}

describe('the note of a seeded warranty policy', () => {
  const seeded = version({ id: 'legal-minimum-mobile_phone', note: '国家三包法定最低标准', seededNote: 'legalMinimum' })

  it('reads in English on the English screen while it is the seeded one', () => {
    setLocale('en')
    expect(shownNote(seeded)).toBe('National 三包 legal minimum')
    expect(
      shownNote({ ...seeded, id: 'default-mobile_phone', note: '三包规定默认', seededNote: 'regulationDefaults' })
    ).toBe('三包 regulations default')
  })

  it('reads as seeded on the Chinese screen', () => {
    expect(shownNote(seeded)).toBe('国家三包法定最低标准')
  })

  it('is shown as written once someone changed it', () => {
    setLocale('en')
    expect(shownNote({ ...seeded, note: '按厂家 2026 年保修卡', seededNote: null })).toBe('按厂家 2026 年保修卡')
  })
})
