// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { defineComponent, ref } from 'vue'
import { useSettingsForm, type SettingsStore } from '../../../../src-renderer/features/settings/settingsForm'

vi.mock('element-plus', () => ({ ElMessage: { success: vi.fn(), error: vi.fn() } }))

interface Settings {
  idleLockMinutes: number
}

function mountForm(settings: Settings | null, mayLoad?: () => boolean) {
  const store: SettingsStore<Settings> = { load: vi.fn(() => Promise.resolve()), save: vi.fn(() => Promise.resolve()) }
  const held = ref<Settings | null>(settings)
  let form!: ReturnType<typeof useSettingsForm<Settings>>
  mount(
    defineComponent({
      setup() {
        form = useSettingsForm(store, held, mayLoad)
        return () => null
      }
    })
  )
  return { store, form, held }
}

describe('useSettingsForm', () => {
  it('reads the settings when the page opens, unless the person may not change them', () => {
    expect(mountForm(null).store.load).toHaveBeenCalledOnce()
    expect(mountForm(null, () => false).store.load).not.toHaveBeenCalled()
  })

  it('saves the edited settings whole, and nothing before they have arrived', async () => {
    const loaded = mountForm({ idleLockMinutes: 15 })
    loaded.form.save()
    await flushPromises()
    expect(loaded.store.save).toHaveBeenCalledWith({ idleLockMinutes: 15 })

    const empty = mountForm(null)
    empty.form.save()
    expect(empty.store.save).not.toHaveBeenCalled()
  })

  it('counts edits as unsaved until the store holds settings again (read or saved)', async () => {
    const { form, held } = mountForm({ idleLockMinutes: 15 })
    expect(form.unsaved()).toBe(false)
    held.value!.idleLockMinutes = 5
    expect(form.unsaved()).toBe(true)
    held.value!.idleLockMinutes = 15
    expect(form.unsaved()).toBe(false)
    held.value!.idleLockMinutes = 5
    // What the store answers after a save or a fresh read is the new unchanged.
    held.value = { idleLockMinutes: 5 }
    await flushPromises()
    expect(form.unsaved()).toBe(false)
  })
})
