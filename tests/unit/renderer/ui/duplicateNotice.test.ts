// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { AppErrorData } from '../../../../src-shared/contract/errors'
import { ApiError } from '../../../../src-renderer/api/client'
import { useDialogForm } from '../../../../src-renderer/ui/dialogForm'
import { useDuplicateNotice } from '../../../../src-renderer/features/customers/duplicateSave'

vi.mock('element-plus', () => ({ ElMessage: { success: vi.fn(), error: vi.fn() } }))

const refusal = (messageKey: AppErrorData['messageKey'], details: ApiError['details']) =>
  new ApiError({ code: 'CONFLICT', messageKey, details })

describe('useDuplicateNotice', () => {
  const existingOf = (error: unknown) =>
    error instanceof ApiError && error.messageKey === 'errors.duplicateSerial'
      ? (error.details?.existing as { id: string })
      : null

  /** The notice's save as a dialog runs it: through useDialogForm, which shows any failure. */
  function dialogSaving(failure: ApiError, onDuplicate: () => void) {
    const visible = ref(true)
    return effectScope().run(() => {
      const { duplicate, unlessDuplicate } = useDuplicateNotice(existingOf)
      const { submission } = useDialogForm(visible, {
        save: () => unlessDuplicate(() => Promise.reject(failure), onDuplicate)
      })
      return { visible, duplicate, busy: submission.busy, submit: submission.submit }
    })!
  }

  it('keeps the record a refusal names as the duplicate instead of showing an error', async () => {
    const onDuplicate = vi.fn()
    const { visible, duplicate, submit } = dialogSaving(
      refusal('errors.duplicateSerial', { existing: { id: 'd1' } }),
      onDuplicate
    )
    vi.mocked(ElMessage.error).mockClear()

    void submit()

    await vi.waitFor(() => expect(onDuplicate).toHaveBeenCalled())
    expect(duplicate.value).toEqual({ id: 'd1' })
    expect(ElMessage.error).not.toHaveBeenCalled()
    expect(visible.value).toBe(true)
  })

  it('shows any other refusal as a failure, with no duplicate', async () => {
    const onDuplicate = vi.fn()
    const { duplicate, busy, submit } = dialogSaving(refusal('errors.CONFLICT', {}), onDuplicate)
    vi.mocked(ElMessage.error).mockClear()

    void submit()

    await vi.waitFor(() => expect(busy.value).toBe(false))
    expect(duplicate.value).toBeNull()
    expect(onDuplicate).not.toHaveBeenCalled()
    expect(ElMessage.error).toHaveBeenCalled()
  })
})
