// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PrintPair from '../../../../src-renderer/print/PrintPair.vue'

describe('PrintPair', () => {
  it('prints the label, then the value in the typeface asked for', () => {
    const pair = mount(PrintPair, { props: { label: 'Work order', value: 'WO-1', mono: true } })
    const label = pair.get('.p-pair > span:first-child')
    const value = pair.get('.p-pair > span:last-child')
    expect(label.text()).toBe('Work order')
    expect(value.text()).toBe('WO-1')
    expect(value.classes()).toEqual(['p-mono'])
  })

  it('lines up an amount at the right, and takes its value from the slot when given one', () => {
    const pair = mount(PrintPair, { props: { label: 'Due', amount: true }, slots: { default: '¥12.00' } })
    const value = pair.get('.p-pair > span:last-child')
    expect(value.text()).toBe('¥12.00')
    expect(value.classes()).toEqual(['p-amount'])
  })
})
