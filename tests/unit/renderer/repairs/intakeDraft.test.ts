// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { Customer, SessionInfo } from '../../../../src-shared/contract'

const call = vi.fn()
vi.mock('../../../../src-renderer/api/client', () => ({
  call,
  ApiError: class extends Error {},
  onSessionProblem: vi.fn()
}))
const { createIntakeForm, isBlankIntake } = await import('../../../../src-renderer/features/repairs/intakeForm')
const { useIntakeStore } = await import('../../../../src-renderer/features/repairs/intakeStore')
const { dropKeptIntakeDraft } = await import('../../../../src-renderer/features/repairs/keptIntakeDraft')
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
    // Consent ticked first, the passcode typed after: what is kept changes only in that it had one.
    before.draft.job.passcode.consent = true
    await nextTick()
    before.draft.job.passcode.value = '482913'
    await nextTick()
    // The passcode never reaches the desk's storage.
    expect(JSON.stringify(localStorage)).not.toContain('482913')

    const after = await restartedAs('user-1')
    expect(after.draftKept).toBe(true)
    expect(after.draft.newCustomer.name).toBe('王五')
    expect(after.draft.serial).toBe('SN-9')
    expect(after.draft.job.passcode).toEqual({ consent: false, value: '' })
    expect(after.passcodeToAskAgain).toBe(true)
    // Closed again before anyone asked: the note that the passcode is missing still comes back.
    expect((await restartedAs('user-1')).passcodeToAskAgain).toBe(true)

    // Opened as a job, it is gone for good.
    const last = useIntakeStore()
    call.mockResolvedValueOnce({ workOrder: { id: 'wo-1', number: 'WO-1' }, claimCode: '1234' })
    await last.checkIn({} as never)
    await nextTick()
    expect((await restartedAs('user-1')).draftKept).toBe(false)
  })

  it('asks the registry again for the serial’s verdict, keeping the kind of job and the device the desk chose', async () => {
    useSessionStore().session = signedIn('user-1')
    const before = useIntakeStore()
    Object.assign(before.draft, { serial: 'SN-FREE-1', serialChecked: true, serviceTypeChosen: true })
    before.draft.newDevice.brand = '华为'
    before.draft.job.serviceType = 'paid_repair'
    await nextTick()

    const verdict = { evaluation: { verdict: 'free_repair' }, unit: { brand: 'OPPO', model: 'Reno11' } }
    call.mockImplementation((operation: string) =>
      Promise.resolve(operation === 'warranty.lookup' ? { kind: 'found', verdict } : null)
    )
    const after = await restartedAs('user-1')
    await vi.waitFor(() => expect(after.draft.registryVerdict).toEqual(verdict))
    expect(call).toHaveBeenCalledWith('warranty.lookup', { query: 'SN-FREE-1', claim: null })
    expect(after.draft.job.serviceType).toBe('paid_repair')
    expect(after.draft.newDevice.brand).toBe('华为')
  })

  it('does not ask the registry about a serial typed but never looked up', async () => {
    useSessionStore().session = signedIn('user-1')
    useIntakeStore().draft.serial = 'SN-HALF'
    await nextTick()
    await restartedAs('user-1')
    expect(call).not.toHaveBeenCalledWith('warranty.lookup', expect.anything())
  })

  it('keeps nobody’s record on the desk: the customer picked is read again from the shop, other people’s never written', async () => {
    useSessionStore().session = signedIn('user-1')
    const before = useIntakeStore()
    before.draft.customer = { id: 'c-1', name: '张三', mobile: '13800001111' } as Customer
    before.draft.deviceOwner = { id: 'c-2', name: '李四', mobile: '13900002222' } as Customer
    before.draft.duplicate = { id: 'c-3', name: '钱七', mobile: '13600004444' } as Customer
    before.draft.registryVerdict = { unit: { buyerName: '赵六', buyerPhone: '13700003333' } } as never
    before.draft.job.reportedFault = '不开机'
    await nextTick()
    const stored = JSON.stringify(localStorage)
    for (const personal of ['张三', '13800001111', '李四', '13900002222', '钱七', '赵六', '13700003333'])
      expect(stored).not.toContain(personal)

    // Read again as the shop has it now (renamed since, say).
    call.mockResolvedValueOnce({ customer: { id: 'c-1', name: '张三丰', mobile: '13800001111' }, devices: [] })
    const after = await restartedAs('user-1')
    await vi.waitFor(() => expect(after.draft.customer?.name).toBe('张三丰'))
    expect(call).toHaveBeenCalledWith('customers.get', { id: 'c-1' })
    expect(after.draft.job.reportedFault).toBe('不开机')
    expect(after.draft.deviceOwner).toBeNull()
  })

  it('goes with a sign-out, and does not come back to someone else nor after half a day', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T01:00:00Z'), toFake: ['Date'] })
    const session = useSessionStore()
    session.session = signedIn('user-1')
    useIntakeStore().draft.newCustomer.mobile = '13800003333'
    await nextTick()
    vi.setSystemTime(new Date('2026-12-06T12:59:00Z'))
    expect((await restartedAs('user-1')).draft.newCustomer.mobile).toBe('13800003333')
    // Coming back does not make it younger.
    vi.setSystemTime(new Date('2026-12-06T13:01:00Z'))
    expect((await restartedAs('user-1')).draftKept).toBe(false)

    useIntakeStore().draft.newCustomer.mobile = '13800004444'
    await nextTick()
    expect((await restartedAs('user-2')).draftKept).toBe(false)
    // Dropped, not kept aside: the first person does not find it either.
    expect((await restartedAs('user-1')).draftKept).toBe(false)

    useIntakeStore().draft.newCustomer.mobile = '13800005555'
    await nextTick()
    useSessionStore().session = null
    await nextTick()
    expect((await restartedAs('user-1')).draftKept).toBe(false)

    // A draft whose time is over is dropped when the app starts, before anyone signs in.
    useIntakeStore().draft.newCustomer.mobile = '13800006666'
    await nextTick()
    vi.setSystemTime(new Date('2026-12-07T02:00:00Z'))
    dropKeptIntakeDraft(true)
    expect(localStorage.length).toBe(0)
  })
})
