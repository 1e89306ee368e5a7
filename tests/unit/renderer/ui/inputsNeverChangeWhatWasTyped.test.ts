// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import ElementPlus from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import MoneyInput from '../../../../src-renderer/ui/MoneyInput.vue'
import PasswordField from '../../../../src-renderer/ui/PasswordField.vue'
import TextField from '../../../../src-renderer/ui/TextField.vue'
import LimitedInput from '../../../../src-renderer/ui/LimitedInput.vue'
import SearchBox from '../../../../src-renderer/ui/SearchBox.vue'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

function mountWith<T>(component: unknown, initial: T, props: Record<string, unknown> = {}) {
  const model = ref(initial)
  const Host = defineComponent(
    () => () =>
      h(component as never, {
        modelValue: model.value,
        'onUpdate:modelValue': (value: T) => (model.value = value),
        name: 'field',
        ...props
      })
  )
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
  return model
}

async function typeInto(value: string) {
  const input = document.querySelector<HTMLInputElement>('input[name=field]')!
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  input.dispatchEvent(new Event('change', { bubbles: true }))
  input.dispatchEvent(new Event('blur', { bubbles: true }))
  await nextTick()
  return input
}

describe('bad input reaches the server to be refused with a message, never silently changed', () => {
  it('a negative amount stays negative (the server refuses it), it is not turned into 0', async () => {
    const fen = mountWith(MoneyInput, 0)
    await typeInto('-5')
    expect(fen.value).toBe(-500)
  })

  it('a name longer than allowed is kept whole and marked too long, not cut at the limit', async () => {
    const text = mountWith(TextField, '', { maxlength: 10, label: 'Name' })
    const input = await typeInto('一二三四五六七八九十十一')
    expect(text.value).toBe('一二三四五六七八九十十一')
    expect(input.getAttribute('maxlength')).toBeNull()
    await nextTick()
    await vi.waitFor(() => expect(document.body.textContent).toContain('不能超过 10 个字符'))
  })

  it('a pasted password longer than allowed is kept whole and marked too long, not cut at the limit', async () => {
    const password = mountWith(PasswordField, '', { maxlength: 8, label: 'Password', autocomplete: 'off' })
    const input = await typeInto('0123456789')
    expect(password.value).toBe('0123456789')
    expect(input.getAttribute('type')).toBe('password')
    expect(input.getAttribute('maxlength')).toBeNull()
    await vi.waitFor(() => expect(document.body.textContent).toContain('不能超过 8 个字符'))
  })

  it('a serial scanned or pasted into a bare box over its limit is kept whole, the box red and the limit said under it', async () => {
    const serial = mountWith(LimitedInput, '', { maxlength: 10, class: 'mono' })
    const input = await typeInto('SN1234567890AB')
    expect(serial.value).toBe('SN1234567890AB')
    expect(input.getAttribute('maxlength')).toBeNull()
    await vi.waitFor(() =>
      expect(document.querySelector('[data-test=length-error]')?.textContent).toBe('不能超过 10 个字符')
    )
    expect(document.querySelector('.limited-input.mono .over-limit')).not.toBeNull()
    // Back within the limit, the message goes.
    await typeInto('SN12345678')
    await vi.waitFor(() => expect(document.querySelector('[data-test=length-error]')).toBeNull())
  })

  it('a search box given a limit shows it the same way', async () => {
    const query = mountWith(SearchBox, '', { maxlength: 5 })
    await typeInto('13800138000')
    expect(query.value).toBe('13800138000')
    await vi.waitFor(() =>
      expect(document.querySelector('[data-test=length-error]')?.textContent).toBe('不能超过 5 个字符')
    )
  })
})

/** Every .vue file of the renderer. */
function vueFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? vueFiles(join(folder, entry.name))
      : entry.name.endsWith('.vue')
        ? [join(folder, entry.name)]
        : []
  )
}

describe('no box in the renderer cuts what is typed at a raw maxlength', () => {
  it('no el-input or input tag carries maxlength: a limit goes through TextField or LimitedInput', () => {
    const offenders = vueFiles('src-renderer').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<(el-input|input)\b[^>]*?\s:?maxlength=/g)].map(
        (match) => `${file}: <${match[1]} maxlength>`
      )
    )
    expect(offenders).toEqual([])
  })
})
