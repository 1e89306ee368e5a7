// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { SessionInfo } from '../../../../src-shared/contract'

const call = vi.fn()
vi.mock('../../../../src-renderer/api/client', () => ({
  call,
  ApiError: class extends Error {},
  onSessionProblem: vi.fn()
}))
const { createIntakeForm, isBlankIntake } = await import('../../../../src-renderer/features/repairs/intakeForm')
const { useIntakeStore } = await import('../../../../src-renderer/features/repairs/intakeStore')
const { useSessionStore } = await import('../../../../src-renderer/features/auth/sessionStore')

const signedIn = (id: string) => ({ user: { id, role: 'front_desk' }, locked: false }) as unknown as SessionInfo

describe('the check-in draft', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
    localStorage.clear()
  })
  afterEach(() => vi.useRealTimers())

  it('is blank until something is typed or picked', () => {
    expect(isBlankIntake(createIntakeForm())).toBe(true)
    const named = createIntakeForm()
    named.newCustomer.name = '张'
    expect(isBlankIntake(named)).toBe(false)
    const warranty = createIntakeForm()
    warranty.job.serviceType = 'warranty_repair'
    expect(isBlankIntake(warranty)).toBe(false)
    const ticked = createIntakeForm()
    ticked.job.condition.cracks = true
    expect(isBlankIntake(ticked)).toBe(false)
  })

  it('is kept by the store until the job is opened; a refused check-in keeps it', async () => {
    const intake = useIntakeStore()
    intake.draft.serial = 'SN-1'
    intake.draft.job.reportedFault = '不开机'
    expect(intake.draftKept).toBe(true)

    call.mockRejectedValueOnce(new Error('refused'))
    await expect(intake.checkIn({} as never)).rejects.toThrow('refused')
    expect(intake.draft.serial).toBe('SN-1')
    expect(intake.draftKept).toBe(true)

    call.mockResolvedValueOnce({ workOrder: { id: 'wo-1', number: 'WO-1' }, claimCode: '1234' })
    await intake.checkIn({} as never)
    expect(call).toHaveBeenLastCalledWith('workOrders.create', {})
    expect(intake.draftKept).toBe(false)
    expect(intake.draft.serial).toBe('')
  })

  it('goes when the desk starts over, and when someone else signs in', async () => {
    const session = useSessionStore()
    session.session = signedIn('user-1')
    const intake = useIntakeStore()
    intake.draft.newCustomer.mobile = '13800001111'
    intake.startOver()
    expect(intake.draftKept).toBe(false)

    intake.draft.newCustomer.mobile = '13800001111'
    session.session = { ...signedIn('user-1'), locked: true }
    await nextTick()
    // Locking the screen keeps it: the same person comes back to it.
    expect(intake.draft.newCustomer.mobile).toBe('13800001111')
    session.session = signedIn('user-2')
    await nextTick()
    expect(intake.draftKept).toBe(false)

    intake.draft.newCustomer.mobile = '13800002222'
    session.session = null
    await nextTick()
    expect(intake.draftKept).toBe(false)
  })

  /** The app closed and started again at this desk (a crash, a power cut), with this person signed in. */
  async function restartedAs(userId: string) {
    setActivePinia(createPinia())
    useSessionStore().session = signedIn(userId)
    await nextTick()
    return useIntakeStore()
  }

  it('comes back after the app was closed, to the same person, without the passcode', async () => {
    useSessionStore().session = signedIn('user-1')
    const before = useIntakeStore()
    before.draft.newCustomer.name = '王五'
    before.draft.serial = 'SN-9'
    before.draft.job.passcode = { consent: true, value: '482913' }
    await nextTick()
    // The passcode never reaches the desk's storage.
    expect(JSON.stringify(localStorage)).not.toContain('482913')

    const after = await restartedAs('user-1')
    expect(after.draftKept).toBe(true)
    expect(after.draft.newCustomer.name).toBe('王五')
    expect(after.draft.serial).toBe('SN-9')
    expect(after.draft.job.passcode).toEqual({ consent: false, value: '' })
    expect(after.passcodeToAskAgain).toBe(true)

    // Opened as a job, it is gone for good.
    call.mockResolvedValueOnce({ workOrder: { id: 'wo-1', number: 'WO-1' }, claimCode: '1234' })
    await after.checkIn({} as never)
    await nextTick()
    expect((await restartedAs('user-1')).draftKept).toBe(false)
  })

  it('does not come back to someone else, nor after half a day', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T01:00:00Z'), toFake: ['Date'] })
    useSessionStore().session = signedIn('user-1')
    useIntakeStore().draft.newCustomer.mobile = '13800003333'
    await nextTick()
    vi.setSystemTime(new Date('2026-12-06T12:59:00Z'))
    expect((await restartedAs('user-1')).draft.newCustomer.mobile).toBe('13800003333')
    vi.setSystemTime(new Date('2026-12-07T01:00:00Z'))
    expect((await restartedAs('user-1')).draftKept).toBe(false)

    useIntakeStore().draft.newCustomer.mobile = '13800004444'
    await nextTick()
    expect((await restartedAs('user-2')).draftKept).toBe(false)
    // Dropped, not kept aside: the first person does not find it either.
    expect((await restartedAs('user-1')).draftKept).toBe(false)
  })
})
