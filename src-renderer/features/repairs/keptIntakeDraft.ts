import { storedString } from '../../api/storedString'
import { createIntakeForm, isBlankIntake, type IntakeForm } from './intakeForm'

/**
 * The unfinished check-in, kept in the desk's local storage so that a crash, a power cut or a
 * restart of the app does not lose what the counter had typed while the customer waits. It is
 * the signed-in person's only, for KEPT_FOR_MS: another person signing in, a sign-out, or the
 * app starting after that time drops it.
 *
 * Only what the counter typed or picked is written, and records by their id: the customer and the
 * device picked are read again from the shop when the draft comes back (so an erasure since is
 * honoured), and other people's records the form showed (the scanned device's owner, a customer
 * with the same mobile, the warranty registry's buyer) are never written. Nor is the device
 * passcode (it is sealed before it reaches even the database): a draft that held one says so when
 * it comes back, so the counter asks for it again.
 */
const kept = storedString('local', 'service-center.intake-draft')

/** A draft older than this belongs to a customer long gone from the counter. */
const KEPT_FOR_MS = 12 * 60 * 60 * 1000

interface KeptDraft {
  userId: string
  savedAt: number
  /** the draft had a passcode, which was not kept */
  hadPasscode: boolean
  customerId: string | null
  deviceId: string | null
  form: IntakeForm
}

/** What comes back: the form as typed, and the records to read again by id. */
export interface ReturningDraft {
  form: IntakeForm
  hadPasscode: boolean
  customerId: string | null
  deviceId: string | null
}

/** The form without anyone's record in it and without the passcode. */
function typedPart(form: IntakeForm): IntakeForm {
  return {
    ...form,
    customer: null,
    customerDevices: [],
    duplicate: null,
    device: null,
    deviceOwner: null,
    registryVerdict: null,
    job: { ...form.job, passcode: { consent: false, value: '' } }
  }
}

/**
 * Keeps the signed-in person's draft; a blank form (the job opened, or started over) removes it.
 * With nobody signed in (the app still starting) the kept draft stays as it is. A draft that
 * comes back unchanged is not written again, so its time and its passcode note stay.
 */
export function keepIntakeDraft(userId: string | undefined, form: IntakeForm, askAgain: boolean, now = Date.now()) {
  if (!userId) return
  if (isBlankIntake(form)) return kept.save(undefined)
  const typed = typedPart(form)
  const customerId = form.customer?.id ?? null
  const deviceId = form.device?.id ?? null
  const hadPasscode = askAgain || (form.job.passcode.consent && form.job.passcode.value !== '')
  const previous = readKept()
  if (
    previous?.userId === userId &&
    previous.customerId === customerId &&
    previous.deviceId === deviceId &&
    previous.hadPasscode === hadPasscode &&
    JSON.stringify(previous.form) === JSON.stringify(typed)
  )
    return
  const draft: KeptDraft = { userId, savedAt: now, hadPasscode, customerId, deviceId, form: typed }
  kept.save(JSON.stringify(draft))
}

/**
 * The draft this person left at this desk, if it is recent; any other draft is dropped. Fields
 * the form gained since it was kept start blank, at any depth.
 */
export function takeKeptIntakeDraft(userId: string, now = Date.now()): ReturningDraft | null {
  const draft = readKept()
  if (!draft || draft.userId !== userId || now - draft.savedAt > KEPT_FOR_MS) {
    kept.save(undefined)
    return null
  }
  return {
    form: filledOnto(createIntakeForm(), draft.form),
    hadPasscode: draft.hadPasscode,
    customerId: draft.customerId,
    deviceId: draft.deviceId
  }
}

/** Drops the kept draft: on a sign-out, or (`onlyIfStale`) at start-up once its time is over. */
export function dropKeptIntakeDraft(onlyIfStale = false, now = Date.now()): void {
  const draft = readKept()
  if (!onlyIfStale || !draft || now - draft.savedAt > KEPT_FOR_MS) kept.save(undefined)
}

function readKept(): KeptDraft | null {
  const text = kept.read()
  if (!text) return null
  try {
    return JSON.parse(text) as KeptDraft
  } catch {
    return null
  }
}

type Plain = Record<string, unknown>
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The kept values onto a blank form, object by object, keeping only the fields the form has. */
function filledOnto<T extends object>(blank: T, saved: unknown): T {
  if (!isPlain(saved)) return blank
  const target = blank as Plain
  for (const key of Object.keys(target)) {
    if (!(key in saved)) continue
    const value = saved[key]
    target[key] = isPlain(target[key]) && isPlain(value) ? filledOnto(target[key] as Plain, value) : value
  }
  return blank
}
