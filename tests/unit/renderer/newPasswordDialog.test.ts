// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useNewPasswordDialog } from '../../../src-renderer/ui/newPasswordDialog'

vi.mock('element-plus', () => ({ ElMessage: { success: vi.fn(), error: vi.fn() } }))

/** The helper as a dialog runs it: its save is what FormDialog's submit button starts. */
function openDialog(send = vi.fn((_newPassword: string, _currentPassword: string) => Promise.resolve('done'))) {
  const visible = ref(false)
  const dialog = effectScope().run(() => useNewPasswordDialog(visible, { title: 'New password', send }))!
  return { visible, send, ...dialog, submit: () => dialog.dialog.submission.submit() }
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

  it('sends nothing when the two copies differ', async () => {
    const { form, errors, send, submit } = openDialog()
    Object.assign(form, { newPassword: 'Secret-123', confirmPassword: 'Secret-124' })

    await submit()

    expect(send).not.toHaveBeenCalled()
    expect(Object.keys(errors.value)).toEqual(['confirmPassword'])
  })

  it('sends the new password and closes once it is saved', async () => {
    const { visible, form, send, submit } = openDialog()
    visible.value = true
    await nextTick()
    Object.assign(form, { currentPassword: 'Old-123', newPassword: 'Secret-123', confirmPassword: 'Secret-123' })

    await submit()

    expect(visible.value).toBe(false)
    expect(send).toHaveBeenCalledWith('Secret-123', 'Old-123')
    expect(ElMessage.success).toHaveBeenCalledWith('done')
  })
})
