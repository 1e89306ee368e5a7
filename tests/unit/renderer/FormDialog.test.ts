// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import ElementPlus, { ElDialog, ElMessageBox } from 'element-plus'
import { i18n } from '../../../src-renderer/i18n'
import FormDialog from '../../../src-renderer/ui/FormDialog.vue'
import { dialogOpen } from '../../../src-renderer/ui/openDialogs'

type Props = Record<string, unknown>

const TWO_FIELDS = () => [h('input', { name: 'first' }), h('input', { name: 'second' })]

/** A dialog with two text fields (or the `fields` given), as a feature would fill it. */
function mountDialog(props: Props = {}, fields = TWO_FIELDS) {
  const submitted = ref(0)
  const open = ref(true)
  const Host = defineComponent(
    () => () =>
      h(
        FormDialog,
        {
          modelValue: open.value,
          'onUpdate:modelValue': (value: boolean) => (open.value = value),
          title: 'Edit',
          submitTest: 'save',
          onSubmit: () => submitted.value++,
          ...props
        },
        {
          intro: () => h('p', { class: 'intro' }, 'Read this first'),
          default: fields
        }
      )
  )
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
  return { wrapper, submitted, open }
}

const field = (name: string) => document.querySelector<HTMLInputElement>(`input[name=${name}]`)!
const press = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }))

describe('FormDialog', () => {
  let mounted: VueWrapper | undefined
  afterEach(() => {
    mounted?.unmount()
    document.body.innerHTML = ''
  })

  it('shows the intro above the fields, and Cancel and Save below them', async () => {
    const { wrapper } = mountDialog()
    mounted = wrapper
    await nextTick()
    const text = document.body.textContent ?? ''
    expect(text.indexOf('Read this first')).toBeGreaterThanOrEqual(0)
    expect(document.querySelector('[data-test=save]')?.textContent).toBe(i18n.global.t('common.save'))
    expect(text).toContain(i18n.global.t('common.cancel'))
  })

  it('sends the form once per submission and closes on Cancel', async () => {
    const { wrapper, submitted, open } = mountDialog({ submitLabel: 'Hand over' })
    mounted = wrapper
    await nextTick()
    expect(document.querySelector('[data-test=save]')?.textContent).toBe('Hand over')
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    expect(submitted.value).toBe(1)
    const cancel = [...document.querySelectorAll('button')].find(
      (button) => button.textContent === i18n.global.t('common.cancel')
    )!
    cancel.click()
    expect(open.value).toBe(false)
  })

  it('does not close on a click on the mask beside it: only Cancel, the close button or Esc close it', async () => {
    const { wrapper } = mountDialog()
    mounted = wrapper
    await nextTick()
    // A stray click beside a half-typed form would throw the typing away. (happy-dom runs no
    // leave transition, so Element Plus's own closing cannot be watched here; its setting can.)
    expect(wrapper.findComponent(ElDialog).props('closeOnClickModal')).toBe(false)
  })

  const askedToDiscard = () => document.body.textContent?.includes(i18n.global.t('common.discardTyping'))
  const pressClose = async () => {
    document.querySelector<HTMLButtonElement>('.el-dialog__headerbtn')!.click()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  // happy-dom runs no leave transition, so v-model never hears of a close; the dialog releasing
  // its focus trap (closeAutoFocus) is what a close does here.
  const closed = (wrapper: VueWrapper) => wrapper.findComponent(ElDialog).emitted('closeAutoFocus') !== undefined

  it('closes from its close button without a question when nothing was typed', async () => {
    const { wrapper } = mountDialog()
    mounted = wrapper
    await nextTick()
    await pressClose()
    expect(askedToDiscard()).toBe(false)
    expect(closed(wrapper)).toBe(true)
  })

  it('asks before its close button drops what was typed, and stays open until answered', async () => {
    const { wrapper, submitted } = mountDialog()
    mounted = wrapper
    await nextTick()
    field('first').dispatchEvent(new Event('input', { bubbles: true }))
    await pressClose()
    expect(askedToDiscard()).toBe(true)
    expect(closed(wrapper)).toBe(false)
    // The question stands over the dialog: a Ctrl+Enter pressed on the page does not save behind it.
    press(document.body.appendChild(document.createElement('button')), { ctrlKey: true })
    expect(submitted.value).toBe(0)
    ElMessageBox.close()
  })

  it('puts the caret in the first field when it opens, unless one was already clicked', async () => {
    const { wrapper } = mountDialog()
    mounted = wrapper
    await nextTick()
    const dialog = wrapper.findComponent(ElDialog)
    field('second').focus()
    dialog.vm.$emit('opened')
    expect(document.activeElement).toBe(field('second'))
    field('second').blur()
    dialog.vm.$emit('opened')
    expect(document.activeElement).toBe(field('first'))
  })

  it('with enter-advances, Enter moves to the next field and Ctrl+Enter saves', async () => {
    const { wrapper, submitted } = mountDialog({ enterAdvances: true })
    mounted = wrapper
    await nextTick()
    // happy-dom lays nothing out; the fields count as shown.
    for (const input of document.querySelectorAll('input'))
      Object.defineProperty(input, 'offsetParent', { get: () => document.body })
    field('first').focus()
    press(field('first'), {})
    expect(document.activeElement).toBe(field('second'))
    expect(submitted.value).toBe(0)
    press(field('second'), { ctrlKey: true })
    expect(submitted.value).toBe(1)
  })

  it('with enter-advances, a group of checkboxes is one stop: the arrows move within it, Enter leaves it', async () => {
    const box = (name: string) => h('input', { type: 'checkbox', name })
    const { wrapper } = mountDialog({ enterAdvances: true }, () => [
      h('input', { name: 'first' }),
      h('div', { role: 'group' }, [box('a'), box('b'), box('c')]),
      h('input', { name: 'second' })
    ])
    mounted = wrapper
    await nextTick()
    for (const input of document.querySelectorAll('input'))
      Object.defineProperty(input, 'offsetParent', { get: () => document.body })
    field('first').focus()
    press(field('first'), {})
    expect(document.activeElement).toBe(field('a'))
    press(field('a'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(field('b'))
    press(field('b'), { key: 'ArrowUp' })
    press(field('a'), { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(field('c'))
    press(field('c'), {})
    expect(document.activeElement).toBe(field('second'))
  })

  it('leaves Enter to the browser unless enter-advances, and saves on Ctrl+Enter from any field', async () => {
    const { wrapper, submitted } = mountDialog()
    mounted = wrapper
    await nextTick()
    field('first').focus()
    press(field('first'), {})
    expect(submitted.value).toBe(0)
    expect(document.activeElement).toBe(field('first'))
    press(field('second'), { ctrlKey: true })
    expect(submitted.value).toBe(1)
    // A dialog with no field holds the caret on itself: Ctrl+Enter there saves too.
    press(document.querySelector('.el-dialog')!, { ctrlKey: true })
    expect(submitted.value).toBe(2)
  })

  it('saves on Ctrl+Enter pressed on the page behind it from the moment it is asked to open, and the page does not', async () => {
    const { wrapper, submitted, open } = mountDialog({}, () => [])
    mounted = wrapper
    const page = document.body.appendChild(document.createElement('button'))
    const pageShortcut = vi.fn()
    page.addEventListener('keydown', pageShortcut)
    open.value = false
    await nextTick()
    // Closed: the page's own Ctrl+Enter.
    press(page, { ctrlKey: true })
    expect(submitted.value).toBe(0)
    expect(pageShortcut).toHaveBeenCalledTimes(1)
    // Asked to open, its transition not begun and the caret still on the page: the dialog saves.
    open.value = true
    await nextTick()
    press(page, { ctrlKey: true })
    expect(submitted.value).toBe(1)
    expect(pageShortcut).toHaveBeenCalledTimes(1)
    // Enter alone on the page stays the page's.
    press(page, {})
    expect(submitted.value).toBe(1)
    expect(pageShortcut).toHaveBeenCalledTimes(2)
  })

  it('of two dialogs open, the one opened last takes a Ctrl+Enter pressed on the page, then the other once it closes', async () => {
    const first = mountDialog({}, () => [])
    const second = mountDialog({}, () => [])
    mounted = first.wrapper
    await nextTick()
    const page = document.body.appendChild(document.createElement('button'))
    press(page, { ctrlKey: true })
    expect([first.submitted.value, second.submitted.value]).toEqual([0, 1])
    second.wrapper.unmount()
    press(page, { ctrlKey: true })
    expect([first.submitted.value, second.submitted.value]).toEqual([1, 1])
  })

  it('stops standing over the page as its closing starts, before its v-model turns false at the end of the animation', async () => {
    const { wrapper, submitted, open } = mountDialog({}, () => [])
    mounted = wrapper
    await nextTick()
    expect(dialogOpen()).toBe(true)
    // Element Plus says `close` as the closing animation starts and updates the v-model when it ends.
    wrapper.findComponent(ElDialog).vm.$emit('close')
    expect(open.value).toBe(true)
    expect(dialogOpen()).toBe(false)
    // A Ctrl+Enter on the page meanwhile is no longer the closing dialog's.
    press(document.body.appendChild(document.createElement('button')), { ctrlKey: true })
    expect(submitted.value).toBe(0)
  })

  it('makes a group of checkboxes one Tab stop: the box the caret is on, the others reached by the arrows', async () => {
    const box = (name: string) => h('input', { type: 'checkbox', name })
    const { wrapper } = mountDialog({}, () => [
      h('input', { name: 'first' }),
      h('div', { role: 'group' }, [box('a'), box('b'), box('c')]),
      h('input', { name: 'second' })
    ])
    mounted = wrapper
    await nextTick()
    const tabStops = () => ['a', 'b', 'c'].map((name) => field(name).tabIndex)
    field('a').focus()
    expect(tabStops()).toEqual([0, -1, -1])
    press(field('a'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(field('b'))
    expect(tabStops()).toEqual([-1, 0, -1])
    // The fields around the group keep their place in the Tab order.
    expect([field('first').tabIndex, field('second').tabIndex]).toEqual([0, 0])
  })

  it("with a form, the submit button runs the form's save instead of telling the caller, and spins while it runs", async () => {
    const busy = ref(false)
    const visible = ref(true)
    const submission = { busy, submit: vi.fn(() => Promise.resolve()) }
    const form = { visible, close: () => (visible.value = false), submission, submit: { test: 'save' } }
    const { wrapper, submitted } = mountDialog({ modelValue: undefined, submitTest: undefined, form })
    mounted = wrapper
    await nextTick()
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    expect(submission.submit).toHaveBeenCalledOnce()
    expect(submitted.value).toBe(0)
    busy.value = true
    await nextTick()
    expect(document.querySelector('[data-test=save]')?.classList.contains('is-loading')).toBe(true)
  })

  it("with a form, takes the dialog's title, submit button and save from it, and Cancel closes it there", async () => {
    const visible = ref(true)
    const submission = { busy: ref(false), submit: vi.fn(() => Promise.resolve()) }
    const form = {
      visible,
      close: () => (visible.value = false),
      submission,
      title: () => 'Hand over the device',
      submit: { label: 'Hand over', type: 'danger' as const, disabled: () => false, test: 'hand-over' }
    }
    const { wrapper, submitted } = mountDialog({ modelValue: undefined, title: undefined, submitTest: undefined, form })
    mounted = wrapper
    await nextTick()
    expect(document.body.textContent).toContain('Hand over the device')
    const button = document.querySelector('[data-test=hand-over]')!
    expect(button.textContent).toBe('Hand over')
    expect(button.classList.contains('el-button--danger')).toBe(true)
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    expect(submission.submit).toHaveBeenCalledOnce()
    expect(submitted.value).toBe(0)
    const cancel = [...document.querySelectorAll('button')].find(
      (candidate) => candidate.textContent === i18n.global.t('common.cancel')
    )!
    cancel.click()
    expect(visible.value).toBe(false)
  })
})
