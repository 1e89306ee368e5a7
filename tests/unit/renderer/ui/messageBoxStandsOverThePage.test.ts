// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { ElMessageBox } from 'element-plus'
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
  afterEach(() => {
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
    // Nor does the page's own Ctrl+Enter run behind the box.
    const pageShortcut = vi.fn()
    document.addEventListener('keydown', pageShortcut)
    press(scanField, { ctrlKey: true })
    expect(pageShortcut).not.toHaveBeenCalled()
    document.removeEventListener('keydown', pageShortcut)

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
})
