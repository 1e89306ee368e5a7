import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../../src-renderer/api/client'
import { usePasswordAttempt } from '../../../../src-renderer/features/auth/passwordAttempt'

describe('usePasswordAttempt', () => {
  it('shows the key of a refused password and clears what was typed', async () => {
    const clear = vi.fn()
    const { busy, errorKey, attempt } = usePasswordAttempt(clear)
    const afterFailure = vi.fn(async () => undefined)
    const refused = new ApiError({ code: 'ACCOUNT_LOCKED', messageKey: 'errors.ACCOUNT_LOCKED' })

    await attempt(() => Promise.reject(refused), afterFailure)

    expect(errorKey.value).toBe('errors.ACCOUNT_LOCKED')
    expect(clear).toHaveBeenCalledOnce()
    expect(afterFailure).toHaveBeenCalledWith(refused)
    expect(busy.value).toBe(false)
  })

  it('keeps the blanks of the message, e.g. how long a throttled computer waits', async () => {
    const { errorKey, errorParams, attempt } = usePasswordAttempt(() => undefined)
    const throttled = new ApiError({
      code: 'SIGN_IN_THROTTLED',
      messageKey: 'errors.SIGN_IN_THROTTLED',
      details: { retryAt: '2026-01-23T02:00:30.000Z', minutes: 1 }
    })
    await attempt(() => Promise.reject(throttled))
    expect(errorKey.value).toBe('errors.SIGN_IN_THROTTLED')
    expect(errorParams.value).toEqual({ retryAt: '2026-01-23T02:00:30.000Z', minutes: 1 })

    await attempt(() => Promise.resolve())
    expect(errorParams.value).toEqual({})
  })

  it('shows an unexpected failure as an internal error, and forgets it on the next try', async () => {
    const { errorKey, attempt } = usePasswordAttempt(() => undefined)
    await attempt(() => Promise.reject(new Error('socket closed')))
    expect(errorKey.value).toBe('errors.INTERNAL')

    await attempt(() => Promise.resolve())
    expect(errorKey.value).toBe('')
  })

  it('ignores a second press while a try is under way', async () => {
    const { busy, attempt } = usePasswordAttempt(() => undefined)
    let finish: () => void = () => undefined
    const action = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))

    const first = attempt(action)
    expect(busy.value).toBe(true)
    await attempt(action)
    finish()
    await first

    expect(action).toHaveBeenCalledOnce()
    expect(busy.value).toBe(false)
  })
})
