import { storedString } from '../../api/storedString'
import { createIntakeForm, isBlankIntake, type IntakeForm } from './intakeForm'

/**
 * The unfinished check-in, kept in the desk's local storage so that a crash, a power cut or a
 * restart of the app does not lose what the counter had typed while the customer waits. It is
 * the signed-in person's only: another person signing in at the desk drops it. The device
 * passcode is never written here (it is sealed before it reaches even the database); a draft
 * that held one says so when it comes back, so the counter asks for it again.
 */
const kept = storedString('local', 'service-center.intake-draft')

/** A draft older than this belongs to a customer long gone from the counter. */
const KEPT_FOR_MS = 12 * 60 * 60 * 1000

interface KeptDraft {
  userId: string
  savedAt: number
  /** the draft had a passcode, which was not kept */
  hadPasscode: boolean
  form: IntakeForm
}

/**
 * Keeps the signed-in person's draft; a blank form (the job opened, or started over) removes it.
 * With nobody signed in (signed out, or the app still starting) the kept draft stays as it is.
 */
export function keepIntakeDraft(userId: string | undefined, form: IntakeForm, now = Date.now()): void {
  if (!userId) return
  if (isBlankIntake(form)) return kept.save(undefined)
  const withoutPasscode = { ...form, job: { ...form.job, passcode: { consent: false, value: '' } } }
  const draft: KeptDraft = {
    userId,
    savedAt: now,
    hadPasscode: form.job.passcode.consent && form.job.passcode.value !== '',
    form: withoutPasscode
  }
  kept.save(JSON.stringify(draft))
}

/**
 * The draft this person left at this desk, as a form, if it is recent; any other draft is
 * dropped. Fields the form gained since it was kept start blank.
 */
export function takeKeptIntakeDraft(
  userId: string,
  now = Date.now()
): { form: IntakeForm; hadPasscode: boolean } | null {
  const text = kept.read()
  if (!text) return null
  try {
    const draft = JSON.parse(text) as KeptDraft
    if (draft.userId !== userId || now - draft.savedAt > KEPT_FOR_MS) throw new Error('not this desk’s draft')
    const blank = createIntakeForm()
    const form = Object.assign(blank, draft.form, { job: { ...blank.job, ...draft.form.job } })
    return { form, hadPasscode: draft.hadPasscode }
  } catch {
    kept.save(undefined)
    return null
  }
}
