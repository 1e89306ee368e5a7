import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type {
  Customer,
  CustomerFile,
  Device,
  FreeComeback,
  Input,
  OpenJobOfDevice,
  WarrantyVerdict
} from '../../../src-shared/contract'
import { call } from '../../api/client'
import { useSessionStore } from '../auth/sessionStore'
import { createIntakeForm, isBlankIntake } from './intakeForm'
import { dropKeptIntakeDraft, keepIntakeDraft, takeKeptIntakeDraft } from './keptIntakeDraft'

/** What the check-in form asks of the main process: find customers and devices, open the order. */
export const useIntakeStore = defineStore('intake', () => {
  /**
   * The check-in being filled in. It lives here, not in the page, so a desk called away part way
   * (a scanned claim receipt opens its job, a look at the warranty page) finds it as it left it.
   * It goes when the job is opened, when the desk starts over, and when who is signed in changes;
   * a copy in the desk's storage (keptIntakeDraft.ts) brings it back after the app was closed.
   */
  const draft = ref(createIntakeForm())
  const draftKept = computed(() => !isBlankIntake(draft.value))

  /** The draft came back after the app was closed and had a passcode, which is never kept. */
  const passcodeToAskAgain = ref(false)

  function startOver(): void {
    draft.value = createIntakeForm()
    passcodeToAskAgain.value = false
  }

  const session = useSessionStore()
  watch(
    () => session.user?.id,
    (userId, previous) => {
      // A sign-out (or a session ended) takes the kept draft with it; only a closed app keeps it.
      if (!userId && previous) dropKeptIntakeDraft()
      // Someone signing in (or the app starting signed in) finds the draft they left at this desk.
      const kept = userId && !previous ? takeKeptIntakeDraft(userId) : null
      if (!kept) return startOver()
      draft.value = kept.form
      passcodeToAskAgain.value = kept.hadPasscode
      void readBackRecords(kept.customerId, kept.deviceId)
      void askWarrantyAgain()
    },
    { immediate: true }
  )
  watch(draft, (form) => keepIntakeDraft(session.user?.id, form, passcodeToAskAgain.value), { deep: true })

  /**
   * The customer and device a returning draft had picked, read again from the shop as they are
   * now (an erasure or an edit since shows); one no longer there is simply not picked.
   */
  async function readBackRecords(customerId: string | null, deviceId: string | null): Promise<void> {
    const form = draft.value
    try {
      if (customerId) {
        const file = await customerFile(customerId)
        form.customer = file.customer
        form.customerDevices = file.devices
        form.device = file.devices.find((device) => device.id === deviceId) ?? null
      }
      // A scanned device of another owner: found again by its serial, with that owner.
      if (deviceId && !form.device && form.serial) {
        const found = await findBySerial(form.serial)
        if (found?.device.id === deviceId) {
          form.device = found.device
          form.deviceOwner = found.customer.id === form.customer?.id ? null : found.customer
        }
      }
    } catch {
      // Not found, or the shop out of reach: the typed part of the draft is still there.
    }
  }

  /**
   * The registry's verdict on a returning draft's serial, asked again (it is not kept): without it
   * a paid repair of a unit under 三包 went unremarked until the serial was looked up once more.
   * Only the verdict comes back; the kind of job, brand and model stay as the desk left them.
   */
  async function askWarrantyAgain(): Promise<void> {
    const form = draft.value
    const serial = form.serial.trim()
    if (!form.serialChecked || !serial || !session.may('warranty.lookup')) return
    try {
      const verdict = await warrantyBySerial(serial)
      // Typed over, or started over, while the registry answered: the answer is for another form.
      if (draft.value === form && form.serial.trim() === serial) form.registryVerdict = verdict
    } catch {
      // The shop out of reach: the serial's next lookup asks again.
    }
  }

  function customerFile(id: string): Promise<CustomerFile> {
    return call('customers.get', { id })
  }

  function findBySerial(serial: string): Promise<{ device: Device; customer: Customer } | null> {
    return call('devices.findBySerial', { serial })
  }

  /** The warranty registry's unit and verdict for a serial the shop has no device for, if the registry knows it. */
  async function warrantyBySerial(serial: string): Promise<WarrantyVerdict | null> {
    const lookup = await call('warranty.lookup', { query: serial, claim: null })
    return lookup.kind === 'found' ? lookup.verdict : null
  }

  /** The device's collected job a comeback would reopen free under the shop's repair warranty, if any. */
  function freeComeback(deviceId: string): Promise<FreeComeback | null> {
    return call('workOrders.freeComeback', { deviceId })
  }

  /** The device's job still open, which a check-in of it would be refused for, if any. */
  function openJobOfDevice(deviceId: string): Promise<OpenJobOfDevice | null> {
    return call('workOrders.openJobOfDevice', { deviceId })
  }

  /** Opens the job; the draft it came from is done with. */
  async function checkIn(intake: Input<'workOrders.create'>) {
    const result = await call('workOrders.create', intake)
    startOver()
    return result
  }

  return {
    draft,
    draftKept,
    passcodeToAskAgain,
    startOver,
    customerFile,
    findBySerial,
    warrantyBySerial,
    freeComeback,
    openJobOfDevice,
    checkIn
  }
})
