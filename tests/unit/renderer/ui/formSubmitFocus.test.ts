// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import ElementPlus, { ElForm, ElFormItem } from 'element-plus'
import { ApiError } from '../../../../src-renderer/api/client'
import { i18n } from '../../../../src-renderer/i18n'
import { useFormSubmit } from '../../../../src-renderer/ui/formSubmit'

const FIELDS = ['name', 'mobile', 'note'] as const

/** A form of three fields whose save is refused with field errors on `refused`, or on no field at all. */
function mountForm(refused: string[]) {
  let save = () => Promise.resolve()
  const Host = defineComponent(() => {
    const { errors, submit } = useFormSubmit()
    save = () =>
      submit(async () => {
        throw new ApiError({
          code: 'VALIDATION',
          messageKey: 'validation.invalid',
          details: { fields: refused.map((path) => ({ path, messageKey: 'validation.invalid' })) }
        })
      })
    return () =>
      h(ElForm, null, () => [
        ...FIELDS.map((name) => h(ElFormItem, { label: name, error: errors.value[name] }, () => h('input', { name }))),
        h('button', { type: 'button', name: 'save' }, 'Save')
      ])
  })
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
  return { wrapper, save: () => save() }
}

const field = (name: string) => document.querySelector<HTMLElement>(`[name=${name}]`)!

describe('a refused save puts the caret in the first field marked in red', () => {
  let mounted: VueWrapper | undefined
  afterEach(() => {
    mounted?.unmount()
    document.body.innerHTML = ''
  })

  it('goes to the first field in error in the form, from the field the save was sent from', async () => {
    const { wrapper, save } = mountForm(['note', 'mobile'])
    mounted = wrapper
    field('name').focus()

    await save()

    expect(document.activeElement).toBe(field('mobile'))
  })

  it('goes there from the save button too', async () => {
    const { wrapper, save } = mountForm(['note'])
    mounted = wrapper
    field('save').focus()

    await save()

    expect(document.activeElement).toBe(field('note'))
  })

  it('a refusal naming no field leaves the caret where it was', async () => {
    const { wrapper, save } = mountForm([])
    mounted = wrapper
    field('note').focus()

    await save()
    await nextTick()

    expect(document.activeElement).toBe(field('note'))
  })
})
