// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, nextTick, reactive } from 'vue'
import ElementPlus, { ElForm } from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import FormFields from '../../../../src-renderer/ui/FormFields.vue'
import type { FormFieldLayout } from '../../../../src-renderer/ui/formFields'

interface Account {
  active: boolean
  role: 'front_desk' | 'technician'
}

/** A form of a switch and radios only, declared as data. */
function mountFields(errors: Record<string, string> = {}) {
  const form = reactive<Account>({ active: true, role: 'front_desk' })
  const fields: FormFieldLayout<Account> = [
    { kind: 'switch', key: 'active', label: 'codes.active', test: 'active' },
    {
      kind: 'radio',
      key: 'role',
      label: 'users.role',
      required: true,
      choices: [
        { value: 'front_desk', label: 'Front desk', test: 'role-front_desk' },
        { value: 'technician', label: 'Technician', test: 'role-technician' }
      ]
    }
  ]
  const Host = defineComponent(() => () => h(ElForm, null, () => h(FormFields<Account>, { form, fields, errors })))
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
  return { wrapper, form }
}

const byTest = (test: string) => document.querySelector<HTMLElement>(`[data-test=${test}]`)!

describe('FormFields: switches and radios', () => {
  let mounted: VueWrapper | undefined
  afterEach(() => {
    mounted?.unmount()
    document.body.innerHTML = ''
  })

  it('turns the switch off and picks a radio in the form it is given, each under its label', async () => {
    const { wrapper, form } = mountFields()
    mounted = wrapper
    await nextTick()
    expect(document.body.textContent).toContain(i18n.global.t('codes.active'))
    expect(document.body.textContent).toContain(i18n.global.t('users.role'))
    byTest('active').click()
    byTest('role-technician').querySelector('input')!.click()
    await nextTick()
    expect(form).toEqual({ active: false, role: 'technician' })
  })

  it("marks the radios with the server's error for them", async () => {
    const { wrapper } = mountFields({ role: 'Pick a role' })
    mounted = wrapper
    await nextTick()
    expect(byTest('role-technician').closest('.el-form-item')?.classList.contains('is-error')).toBe(true)
    expect(byTest('active').closest('.el-form-item')?.classList.contains('is-error')).toBe(false)
  })
})
