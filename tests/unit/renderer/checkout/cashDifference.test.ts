// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '../../../../src-renderer/i18n'
import CashDifference from '../../../../src-renderer/features/checkout/CashDifference.vue'

const shown = (fen: number) => mount(CashDifference, { props: { fen }, global: { plugins: [i18n] } })

describe('CashDifference', () => {
  it('says and colours whether the cash counted is short, over or exact', () => {
    const short = shown(-1000)
    expect(short.text()).toBe('短款 ¥10.00')
    expect(short.classes()).toEqual(['shortfall'])
    expect(shown(500).classes()).toEqual(['surplus'])
    expect(shown(0).classes()).toEqual(['balanced'])
  })
})
