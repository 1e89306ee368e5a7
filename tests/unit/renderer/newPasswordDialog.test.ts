// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useNewPasswordDialog } from '../../../src-renderer/ui/newPasswordDialog'

vi.mock('element-plus', () => ({ ElMessage: { success: vi.fn(), error: vi.fn() } }))

function openDialog() {
  const visible = ref(false)
  const dialog = effectScope().run(() => useNewPasswordDialog(visible))!
  return { visible, ...dialog }
}

describe('useNewPasswordDialog', () => {
  it('starts with empty fields each time it opens', async () => {
    const { visible, form, errors } = openDialog()
    Object.assign(form, { currentPassword: 'old', newPassword: 'new', confirmPassword: 'new' })
    errors.value = { newPassword: 'too short' }

    visible.value = true
    await nextTick()

    expect(form).toEqual({ currentPassword: '', newPassword: '', confirmPassword: '' })
    expect(errors.value).toEqual({})
  })

  it('sends nothing when the two copies differ', () => {
    const { form, errors, save } = openDialog()
    Object.assign(form, { newPassword: 'Secret-123', confirmPassword: 'Secret-124' })
    const send = vi.fn(() => Promise.resolve())

    save(send, () => 'done')

    expect(send).not.toHaveBeenCalled()
    expect(Object.keys(errors.value)).toEqual(['confirmPassword'])
  })

  it('sends the new password and closes once it is saved', async () => {
    const { visible, form, save } = openDialog()
    visible.value = true
    await nextTick()
    Object.assign(form, { newPassword: 'Secret-123', confirmPassword: 'Secret-123' })
    const send = vi.fn(() => Promise.resolve())

    save(send, () => 'done')
    await vi.waitFor(() => expect(visible.value).toBe(false))

    expect(send).toHaveBeenCalledWith('Secret-123')
  })
})
