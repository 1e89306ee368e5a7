// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick } from 'vue'
import ElementPlus from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import SavingSwitch from '../../../../src-renderer/ui/SavingSwitch.vue'

/** A save the test settles by hand, recording what it was asked to save. */
function pendingSave() {
  const asked: boolean[] = []
  let settle: (failure?: Error) => void = () => undefined
  const save = (on: boolean) => {
    asked.push(on)
    return new Promise<void>((resolve, reject) => {
      settle = (failure) => (failure ? reject(failure) : resolve())
    })
  }
  return { asked, save, settle: (failure?: Error) => settle(failure) }
}

function switchOf(on: boolean, save: (on: boolean) => Promise<unknown>) {
  return mount(SavingSwitch, {
    props: { on, save },
    attrs: { 'data-test': 'flip' },
    attachTo: document.body,
    global: { plugins: [ElementPlus, i18n] }
  })
}

const checked = (screen: ReturnType<typeof switchOf>) => screen.find<HTMLInputElement>('input').element.checked
const spinning = (screen: ReturnType<typeof switchOf>) => screen.find('.is-loading').exists()

describe('a switch saved on flip', () => {
  it('asks to save the flipped value and spins until the save is done', async () => {
    const pending = pendingSave()
    const screen = switchOf(false, pending.save)
    await screen.find('[data-test=flip]').trigger('click')
    expect(pending.asked).toEqual([true])
    expect(spinning(screen)).toBe(true)
    pending.settle()
    await new Promise((resolve) => setTimeout(resolve))
    await nextTick()
    expect(spinning(screen)).toBe(false)
    screen.unmount()
  })

  it('stays where it was when the save fails, as it moves only with what is saved', async () => {
    const pending = pendingSave()
    const screen = switchOf(false, pending.save)
    await screen.find('[data-test=flip]').trigger('click')
    pending.settle(new Error('refused'))
    await new Promise((resolve) => setTimeout(resolve))
    await nextTick()
    expect(spinning(screen)).toBe(false)
    expect(checked(screen)).toBe(false)
    await screen.setProps({ on: true })
    expect(checked(screen)).toBe(true)
    screen.unmount()
  })
})
