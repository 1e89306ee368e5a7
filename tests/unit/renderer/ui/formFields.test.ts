// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, nextTick, reactive } from 'vue'
import ElementPlus, { ElForm } from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import FormFields from '../../../../src-renderer/ui/FormFields.vue'
import type { FormFieldLayout } from '../../../../src-renderer/ui/formFields'

interface Unit {
  serial: string
  brand: string
  purchaseDate: string | null
  days: number
}

/** A form declared as data: a serial, then brand and purchase date in a row, then a slot of its own. */
function mountFields(errors: Record<string, string> = {}) {
  const form = reactive<Unit>({ serial: '', brand: '', purchaseDate: null, days: 3 })
  const fields: FormFieldLayout<Unit> = [
    { key: 'serial', label: 'warranty.serial', required: true, maxlength: 5, mono: true },
    [
      { key: 'brand', label: 'warranty.brand', name: 'unit-brand', error: 'brandName' },
      { kind: 'date', key: 'purchaseDate', label: 'warranty.purchaseDate', test: 'purchase-date' }
    ],
    { kind: 'number', key: 'days', label: 'warranty.purchaseDate', max: 30, test: 'days' },
    { kind: 'slot', key: 'extra' }
  ]
  const Host = defineComponent(
    () => () =>
      h(ElForm, null, () =>
        h(
          FormFields<Unit>,
          { form, fields, errors, errorPrefix: 'unit.' },
          { extra: () => h('p', { class: 'extra' }, 'Own markup') }
        )
      )
  )
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
  return { wrapper, form }
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name=${name}]`)!

describe('FormFields', () => {
  let mounted: VueWrapper | undefined
  afterEach(() => {
    mounted?.unmount()
    document.body.innerHTML = ''
  })

  it('draws each declared field in order with its translated label, a row side by side, a slot in its place', async () => {
    const { wrapper } = mountFields()
    mounted = wrapper
    await nextTick()
    const names = [...document.querySelectorAll('input')].map((element) => element.getAttribute('name'))
    expect(names.slice(0, 2)).toEqual(['serial', 'unit-brand'])
    expect(document.querySelector('.field-row')?.textContent).toContain(i18n.global.t('warranty.brand'))
    expect(document.body.textContent).toContain(i18n.global.t('warranty.serial'))
    expect(document.querySelector('.extra')?.textContent).toBe('Own markup')
    expect(input('serial').classList.contains('el-input__inner')).toBe(true)
  })

  it('edits the form it is given in place', async () => {
    const { wrapper, form } = mountFields()
    mounted = wrapper
    await nextTick()
    input('serial').value = 'SN1'
    input('serial').dispatchEvent(new Event('input'))
    input('unit-brand').value = 'Haier'
    input('unit-brand').dispatchEvent(new Event('input'))
    await nextTick()
    expect(form).toMatchObject({ serial: 'SN1', brand: 'Haier' })
  })

  it("marks the field the server's error names, and a text over its limit until it is short enough", async () => {
    const { wrapper } = mountFields({ 'unit.brandName': 'Brand is wrong' })
    mounted = wrapper
    await nextTick()
    input('serial').value = 'TOO-LONG'
    input('serial').dispatchEvent(new Event('input'))
    await nextTick()
    await nextTick()
    const failed = (name: string) => input(name).closest('.el-form-item')?.classList.contains('is-error')
    expect(failed('unit-brand')).toBe(true)
    expect(failed('serial')).toBe(true)
    input('serial').value = 'SN1'
    input('serial').dispatchEvent(new Event('input'))
    await nextTick()
    await nextTick()
    expect(failed('serial')).toBe(false)
  })
})
