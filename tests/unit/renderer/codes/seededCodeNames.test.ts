// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { CodeEntry } from '../../../../src-shared/contract'
import { CODE_LISTS } from '../../../../src-shared/domain/repairTypes'
import { SEEDED_CODE_LABELS } from '../../../../src-shared/domain/seededCodes'

const call = vi.fn()
vi.mock('../../../../src-renderer/api/client', () => ({ call, ApiError: class extends Error {} }))
const { i18n, LOCALES, setLocale } = await import('../../../../src-renderer/i18n')
const { useCodesStore } = await import('../../../../src-renderer/features/codes/codesStore')
const { useReportText } = await import('../../../../src-renderer/features/reports/reportText')

const entry = (list: CodeEntry['list'], code: string, label: string, seeded: boolean): CodeEntry => ({
  list,
  code,
  label,
  active: true,
  sortOrder: 0,
  voidsWarranty: null,
  seeded
})

/** The shop's lists as codes.list answers them: two seeded codes unedited, one renamed, one of its own. */
const SHOP_CODES: CodeEntry[] = [
  entry('symptom', 'S01', '不开机 / 无法启动', true),
  entry('symptom', 'S03', '触屏漂移', false),
  entry('fault_cause', 'C04', '外力撞击 / 跌落', true),
  entry('fault_cause', 'F1', '屏幕损坏', false),
  { ...entry('fault_location', 'L01', '主板', true), active: false }
]

beforeEach(() => {
  setActivePinia(createPinia())
  call.mockReset()
  call.mockResolvedValue(SHOP_CODES)
})
afterEach(() => setLocale('zh-CN'))

describe('a seeded code', () => {
  it('is named in the reader’s language while unedited; a renamed or added code keeps the shop’s words', async () => {
    const codes = useCodesStore()
    await codes.ensureLoaded()
    // Withdrawn codes are loaded too: an old job still names its code.
    expect(call).toHaveBeenCalledWith('codes.list', { includeInactive: true })

    setLocale('en')
    expect(codes.describe('symptom', 'S01')).toBe('S01 Won’t power on / won’t start')
    expect(codes.describe('symptom', 'S03')).toBe('S03 触屏漂移')
    expect(codes.describe('fault_location', 'L01')).toBe('L01 Main board')
    expect(codes.describe('fault_cause', 'C99')).toBe('C99')
    expect(codes.choicesIn('symptom')).toEqual([
      { value: 'S01', label: 'S01 Won’t power on / won’t start' },
      { value: 'S03', label: 'S03 触屏漂移' }
    ])
    // An inactive code is named but not offered.
    expect(codes.choicesIn('fault_location')).toEqual([])

    setLocale('zh-CN')
    expect(codes.describe('symptom', 'S01')).toBe('S01 不开机 / 无法启动')
    expect(codes.describe('symptom', 'S03')).toBe('S03 触屏漂移')
  })

  it('has a name in every language, the Chinese one the words it was seeded with', () => {
    for (const list of CODE_LISTS) {
      for (const [code, label] of Object.entries(SEEDED_CODE_LABELS[list])) {
        const key = `codes.seeded.${list}.${code}`
        for (const locale of LOCALES) expect(i18n.global.te(key, locale), `${locale} ${key}`).toBe(true)
        expect(i18n.global.t(key, {}, { locale: 'zh-CN' })).toBe(label)
      }
    }
  })

  it('is named in the reports (screen, chart and Excel export) as on the work order', async () => {
    setLocale('en')
    let text!: ReturnType<typeof useReportText>
    const wrapper = mount(
      defineComponent({
        setup() {
          text = useReportText()
          return () => null
        }
      }),
      { global: { plugins: [i18n] } }
    )
    await useCodesStore().ensureLoaded()
    const faultCode = { kind: 'code', codeList: 'fault_cause' } as const
    expect(text.cellText(faultCode, 'C04')).toBe('C04 Impact / drop')
    expect(text.cellText(faultCode, 'F1')).toBe('F1 屏幕损坏')
    expect(text.cellText({ kind: 'code', codeList: 'fault_location' }, 'L01')).toBe('L01 Main board')
    expect(text.cellText(faultCode, null)).toBe('(none)')
    expect(text.exportLabels()).toMatchObject({
      'fault_cause.C04': 'C04 Impact / drop',
      'fault_cause.F1': 'F1 屏幕损坏',
      'fault_location.L01': 'L01 Main board'
    })
    expect(Object.keys(text.exportLabels())).not.toContain('symptom.S01')
    wrapper.unmount()
  })
})
