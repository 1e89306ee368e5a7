// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { useAfterPaint } from '../../../../src-renderer/ui/afterPaint'

describe('what is hidden or below the fold waits for the first paint', () => {
  it('is built in a task of its own, after the screen has painted', async () => {
    const Screen = defineComponent(() => {
      const painted = useAfterPaint()
      return () => h('div', [h('h1', 'figures'), painted.value ? h('table', { 'data-test': 'history' }) : null])
    })
    const screen = mount(Screen)
    expect(screen.find('h1').exists()).toBe(true)
    expect(screen.find('[data-test=history]').exists()).toBe(false)
    // A frame, then a task, queued after the component's: they run after it, however loaded the machine.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
    await nextTick()
    expect(screen.find('[data-test=history]').exists()).toBe(true)
    screen.unmount()
  })
})
