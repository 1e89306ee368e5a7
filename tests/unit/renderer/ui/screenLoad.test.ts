// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

const shown: unknown[] = []
vi.mock('../../../../src-renderer/ui/errors', () => ({
  showError: (error: unknown) => {
    shown.push(error)
  }
}))
const watched: { entities: readonly string[]; refresh: () => unknown }[] = []
vi.mock('../../../../src-renderer/api/useLiveRefresh', () => ({
  useLiveRefresh: (entities: readonly string[], refresh: () => unknown) => watched.push({ entities, refresh })
}))

const { useScreenLoad } = await import('../../../../src-renderer/ui/screenLoad')

describe("a screen's data", () => {
  it('is loaded when the screen is shown, again on demand, and a failure is shown, not thrown', async () => {
    const failure = new Error('offline')
    const load = vi.fn().mockResolvedValueOnce('rows').mockRejectedValueOnce(failure)
    let reload: () => Promise<void> = () => Promise.resolve()
    const Screen = defineComponent(() => {
      reload = useScreenLoad(load)
      return () => h('div')
    })
    const screen = mount(Screen)
    expect(load).toHaveBeenCalledTimes(1)
    await expect(reload()).resolves.toBeUndefined()
    expect(load).toHaveBeenCalledTimes(2)
    expect(shown).toEqual([failure])
    expect(watched).toEqual([])
    screen.unmount()
  })

  it('with refreshOn, loads again on a change elsewhere, through the live refresh', () => {
    const load = vi.fn().mockResolvedValue(undefined)
    const Screen = defineComponent(() => {
      useScreenLoad(load, { refreshOn: ['work_order'] })
      return () => h('div')
    })
    const screen = mount(Screen)
    expect(watched).toEqual([{ entities: ['work_order'], refresh: load }])
    screen.unmount()
  })
})
