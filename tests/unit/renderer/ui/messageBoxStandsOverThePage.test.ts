// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import FormDialog from '../../../../src-renderer/ui/FormDialog.vue'
import { confirmStep } from '../../../../src-renderer/ui/confirmStep'
import { askInMessageBox, dialogOpen } from '../../../../src-renderer/ui/openDialogs'

const STEP = { message: 'Cancel the count?', confirm: 'Cancel it', cancel: 'Keep counting' }

const button = (text: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find(
    (candidate) => candidate.textContent?.trim() === text
  )!
const press = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init }))

/**
 * What a page does with a late answer (the stocktake's backToScan): the caret back in its scan
 * field, unless a dialog stands over the page.
 */
function lateAnswerOnThePage(scanField: HTMLInputElement): void {
  if (!dialogOpen()) scanField.focus()
}

describe('a message box stands over the page as a dialog does', () => {
  let mounted: VueWrapper | undefined
  afterEach(() => {
    mounted?.unmount()
    mounted = undefined
    ElMessageBox.close()
    document.body.innerHTML = ''
  })

  it('is open from the moment it is asked, so a late answer on the page leaves the caret in the box', async () => {
    const scanField = document.body.appendChild(document.createElement('input'))
    expect(dialogOpen()).toBe(false)
    const answered = confirmStep(STEP)
    expect(dialogOpen()).toBe(true)
    await nextTick()
    const confirm = button('Cancel it')
    confirm.focus()
    lateAnswerOnThePage(scanField)
    expect(document.activeElement).toBe(confirm)

    confirm.click()
    expect(await answered).toBe(true)
    // The box started closing: the page's next late answer takes the caret back to its field.
    expect(dialogOpen()).toBe(false)
    lateAnswerOnThePage(scanField)
    expect(document.activeElement).toBe(scanField)
  })

  it('stops standing over the page when it is cancelled', async () => {
    const answered = confirmStep(STEP)
    await nextTick()
    expect(dialogOpen()).toBe(true)
    button('Keep counting').click()
    expect(await answered).toBe(false)
    expect(dialogOpen()).toBe(false)
  })

  it('stops standing over the page when it is closed unanswered and goes from the screen', async () => {
    let settled = false
    void confirmStep(STEP).then(() => (settled = true))
    await nextTick()
    expect(dialogOpen()).toBe(true)
    // As on a change of page: Element Plus closes the box and never settles its promise.
    ElMessageBox.close()
    await vi.waitUntil(() => document.querySelector('.el-message-box') === null)
    expect(settled).toBe(false)
    expect(dialogOpen()).toBe(false)
  })

  it('stands for prompts and alerts asked through askInMessageBox too', async () => {
    const prompt = askInMessageBox(() => ElMessageBox.prompt('New name', 'Rename', { confirmButtonText: 'Rename' }))
    const alert = askInMessageBox(() => ElMessageBox.alert('Claim code: 1234', 'Reopened', { confirmButtonText: 'OK' }))
    await nextTick()
    expect(dialogOpen()).toBe(true)
    button('OK').click()
    await alert
    // The prompt is still up.
    expect(dialogOpen()).toBe(true)
    button('Rename').click()
    await prompt
    expect(dialogOpen()).toBe(false)
  })

  it("keeps a Ctrl+Enter pressed on the page from saving the form dialog behind its 'discard?' box", async () => {
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
            onSubmit: () => submitted.value++
          },
          { default: () => [h('input', { name: 'first' })] }
        )
    )
    mounted = mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
    await nextTick()
    const page = document.body.appendChild(document.createElement('button'))
    // Typed, then the close button: the dialog asks before dropping it.
    document.querySelector('input[name=first]')!.dispatchEvent(new Event('input', { bubbles: true }))
    document.querySelector<HTMLButtonElement>('.el-dialog__headerbtn')!.click()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(document.body.textContent).toContain(i18n.global.t('common.discardTyping'))
    press(page, { ctrlKey: true })
    expect(submitted.value).toBe(0)
  })
})
