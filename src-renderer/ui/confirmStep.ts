import { ElMessageBox } from 'element-plus'
import { askInMessageBox } from './openDialogs'

/** What the confirmation box says: the question, its title if any, and its two buttons. */
export interface StepToConfirm {
  message: string
  title?: string
  confirm: string
  cancel: string
  type?: 'warning' | 'info'
}

/**
 * Asks before a step that cannot be taken back (cancel a count, clear a delivery, reject an
 * adjustment): true when the person confirms, false when they cancel or close the box. The box
 * stands over the page as an open dialog does, until it starts closing (`askInMessageBox`).
 */
export function confirmStep(step: StepToConfirm): Promise<boolean> {
  const options = { type: step.type ?? 'warning', confirmButtonText: step.confirm, cancelButtonText: step.cancel }
  const asked = askInMessageBox(() =>
    step.title === undefined
      ? ElMessageBox.confirm(step.message, options)
      : ElMessageBox.confirm(step.message, step.title, options)
  )
  return asked.then(
    () => true,
    () => false
  )
}
