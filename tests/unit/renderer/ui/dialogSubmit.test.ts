// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { effectScope, ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { AppErrorData } from '../../../../src-shared/contract/errors'
import { ApiError } from '../../../../src-renderer/api/client'
import { useDialogSubmit } from '../../../../src-renderer/ui/formSubmit'
import { useDuplicateAwareSave } from '../../../../src-renderer/features/customers/duplicateSave'

vi.mock('element-plus', () => ({ ElMessage: { success: vi.fn(), error: vi.fn() } }))

const refusal = (messageKey: AppErrorData['messageKey'], details: ApiError['details']) =>
  new ApiError({ code: 'CONFLICT', messageKey, details })

describe('useDialogSubmit', () => {
  it('says what the save returns and closes the dialog once it has gone through', async () => {
    const visible = ref(true)
    const { saveAndClose } = effectScope().run(() => useDialogSubmit(visible))!

    await saveAndClose(() => Promise.resolve('saved'))

    expect(ElMessage.success).toHaveBeenCalledWith('saved')
    expect(visible.value).toBe(false)
  })

  it('stays open with the errors on the fields when the save is refused', async () => {
    const visible = ref(true)
    const { saveAndClose, errors, busy } = effectScope().run(() => useDialogSubmit(visible))!

    await saveAndClose(() =>
      Promise.reject(
        new ApiError({
          code: 'VALIDATION',
          messageKey: 'errors.VALIDATION',
          details: { fields: [{ path: 'name', messageKey: 'validation.invalid' }] }
        })
      )
    )

    expect(visible.value).toBe(true)
    expect(Object.keys(errors.value)).toEqual(['name'])
    expect(busy.value).toBe(false)
  })
})

describe('useDuplicateAwareSave', () => {
  const existingOf = (error: unknown) =>
    error instanceof ApiError && error.messageKey === 'errors.duplicateSerial'
      ? (error.details?.existing as { id: string })
      : null

  it('keeps the record a refusal names as the duplicate instead of showing an error', async () => {
    const { duplicate, save } = effectScope().run(() => useDuplicateAwareSave(existingOf))!
    const onDuplicate = vi.fn()
    vi.mocked(ElMessage.error).mockClear()

    save(() => Promise.reject(refusal('errors.duplicateSerial', { existing: { id: 'd1' } })), onDuplicate)

    await vi.waitFor(() => expect(onDuplicate).toHaveBeenCalled())
    expect(duplicate.value).toEqual({ id: 'd1' })
    expect(ElMessage.error).not.toHaveBeenCalled()
  })

  it('shows any other refusal as a failure, with no duplicate', async () => {
    const { duplicate, busy, save } = effectScope().run(() => useDuplicateAwareSave(existingOf))!
    const onDuplicate = vi.fn()
    vi.mocked(ElMessage.error).mockClear()

    save(() => Promise.reject(refusal('errors.CONFLICT', {})), onDuplicate)

    await vi.waitFor(() => expect(busy.value).toBe(false))
    expect(duplicate.value).toBeNull()
    expect(onDuplicate).not.toHaveBeenCalled()
    expect(ElMessage.error).toHaveBeenCalled()
  })
})
