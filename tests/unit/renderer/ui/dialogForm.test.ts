// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '../../../../src-renderer/api/client'
import { useDialogForm } from '../../../../src-renderer/ui/dialogForm'

vi.mock('element-plus', () => ({ ElMessage: { success: vi.fn(), error: vi.fn() } }))

function dialogWith(save: () => Promise<string | false | void>, open = vi.fn()) {
  const visible = ref(false)
  const dialog = effectScope().run(() => useDialogForm(visible, { open, save }))!
  return { visible, open, ...dialog }
}

describe('useDialogForm', () => {
  it('clears the errors of last time and fills the fields as the dialog opens', async () => {
    const { visible, open, errors } = dialogWith(() => Promise.resolve('saved'))
    errors.value = { name: 'too long' }

    visible.value = true
    await nextTick()

    expect(open).toHaveBeenCalledOnce()
    expect(errors.value).toEqual({})
  })

  it('says what the save answers and closes the dialog', async () => {
    const { visible, submission } = dialogWith(() => Promise.resolve('saved'))
    visible.value = true
    vi.mocked(ElMessage.success).mockClear()

    await submission.submit()

    expect(ElMessage.success).toHaveBeenCalledWith('saved')
    expect(visible.value).toBe(false)
  })

  it('closes quietly when the save answers nothing, and stays open when it answers false', async () => {
    const quiet = dialogWith(() => Promise.resolve())
    const kept = dialogWith(() => Promise.resolve(false))
    quiet.visible.value = kept.visible.value = true
    vi.mocked(ElMessage.success).mockClear()

    await quiet.submission.submit()
    await kept.submission.submit()

    expect(quiet.visible.value).toBe(false)
    expect(kept.visible.value).toBe(true)
    expect(ElMessage.success).not.toHaveBeenCalled()
  })

  it('stays open with the errors on the fields when the save is refused, and runs one save at a time', async () => {
    let refuse: (error: unknown) => void = () => undefined
    const save = vi.fn(() => new Promise<string>((_, reject) => (refuse = reject)))
    const { visible, errors, submission } = dialogWith(save)
    visible.value = true

    const first = submission.submit()
    void submission.submit()
    expect(submission.busy.value).toBe(true)
    refuse(
      new ApiError({
        code: 'VALIDATION',
        messageKey: 'errors.VALIDATION',
        details: { fields: [{ path: 'name', messageKey: 'validation.invalid' }] }
      })
    )
    await first

    expect(save).toHaveBeenCalledOnce()
    expect(visible.value).toBe(true)
    expect(Object.keys(errors.value)).toEqual(['name'])
    expect(submission.busy.value).toBe(false)
  })
})
