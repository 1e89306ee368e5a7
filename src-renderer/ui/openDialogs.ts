import { onBeforeUnmount, watch, type Ref } from 'vue'

/**
 * A dialog or message box asked to open, and what its Ctrl+Enter does (nothing, for one that saves
 * nothing). `standing` says whether a message box is still on screen: one closed without an answer
 * settles nothing, and would otherwise stand over the page for good.
 */
interface OpenDialog {
  submit?: () => void
  standing?: () => boolean
}

/** The dialogs open now, in the order they were asked to open: the last one is on top. */
const openDialogs: OpenDialog[] = []

/** The dialogs open now, message boxes gone from the screen unanswered taken out first. */
function standingDialogs(): OpenDialog[] {
  for (const dialog of openDialogs.filter((open) => open.standing?.() === false)) leaveOpenDialogs(dialog)
  return openDialogs
}

/**
 * Whether a dialog or a message box stands over the page (from the moment it is asked to open):
 * what the page does by itself (a late answer moving the caret to its scan field) then leaves the
 * caret alone, or typing would land behind the dialog.
 */
export function dialogOpen(): boolean {
  return standingDialogs().length > 0
}

/**
 * Ctrl+Enter pressed outside every dialog while one is open goes to the dialog on top. The caret
 * reaches a dialog only some time after it was asked to open, and can be taken back to the page
 * while it is open: a quick hand's Ctrl+Enter then did nothing, or ran the page's own shortcut
 * behind the dialog (the check-in page saved its emptied form behind its "registered" dialog,
 * and came back refused). A dialog or message box that saves nothing takes the key and does
 * nothing with it. A key pressed in a dialog or a message box is theirs (`.el-overlay` holds them all).
 */
function sendCtrlEnterToTopDialog(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || !event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return
  const top = standingDialogs().at(-1)
  if (!top || event.isComposing) return
  if (event.target instanceof Element && event.target.closest('.el-overlay')) return
  event.preventDefault()
  event.stopPropagation()
  top.submit?.()
}

let listening = false

function listenForCtrlEnter(): void {
  if (listening) return
  // Heard before anything on the page, so a page's own Ctrl+Enter does not run behind the dialog.
  window.addEventListener('keydown', sendCtrlEnterToTopDialog, true)
  listening = true
}

function leaveOpenDialogs(dialog: OpenDialog): void {
  const at = openDialogs.indexOf(dialog)
  if (at !== -1) openDialogs.splice(at, 1)
}

/**
 * Enters a dialog in the list of open ones the moment `visible` turns true (not once Element
 * Plus's opening transition is over) and takes it out as it closes or goes away, so that
 * Ctrl+Enter pressed on the page reaches `submit` while this dialog is the top one. Every
 * `el-dialog` registers, those that save nothing too (they leave `submit` out).
 *
 * The returned `closing` goes to the `el-dialog`'s `close` event: Element Plus turns its v-model
 * false only once the closing animation is over (0.3 s after Esc), and in between a scan answered
 * on the page found the dialog still "open" and left the caret where it was, away from the line
 * the scan had found.
 */
export function useOpenDialog(visible: Readonly<Ref<boolean>>, submit?: () => void): { closing: () => void } {
  listenForCtrlEnter()
  const dialog: OpenDialog = { submit }
  const leave = () => leaveOpenDialogs(dialog)
  watch(
    visible,
    (open) => {
      leave()
      if (open) openDialogs.push(dialog)
    },
    { immediate: true, flush: 'sync' }
  )
  onBeforeUnmount(leave)
  return { closing: leave }
}

const MESSAGE_BOX = '.el-overlay.is-message-box'

/**
 * Asks through a message box (`ElMessageBox.confirm`, `alert` or `prompt`, called by `ask`) with
 * the box in the list of open dialogs from the moment it is asked until it starts closing: a late
 * answer on the page (the stocktake's scan) then leaves the caret in the box, where the next Enter
 * answers the question instead of landing behind it. Element Plus settles the box's promise on the
 * tick after the box hides, as its fade-out starts. A box it closes unanswered (on a change of the
 * page's address, or `ElMessageBox.close()`) never settles: it stands until it is off the screen.
 */
export function askInMessageBox<T>(ask: () => Promise<T>): Promise<T> {
  listenForCtrlEnter()
  const before = new Set(document.querySelectorAll(MESSAGE_BOX))
  // A box saves nothing of the page's: Ctrl+Enter pressed outside it does nothing.
  const box: OpenDialog = {}
  openDialogs.push(box)
  let asked: Promise<T>
  try {
    asked = ask()
  } catch (error) {
    leaveOpenDialogs(box)
    throw error
  }
  // Element Plus puts the box on the page as it is asked.
  const shown = [...document.querySelectorAll(MESSAGE_BOX)].find((overlay) => !before.has(overlay))
  if (shown) box.standing = () => shown.isConnected
  const leave = () => leaveOpenDialogs(box)
  asked.then(leave, leave)
  return asked
}
