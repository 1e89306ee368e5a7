/**
 * The sticky bars that keep Pay and Save in view (`.action-bar` at a page's end, `.dialog-actions`
 * in a form dialog) cover what scrolls under them. A field the caret moves into there (the
 * checkout's cash amount as the page opens, Enter to the next field, Tab, a scanner) would be
 * typed into unseen: it is scrolled up clear of the bar. A field's own focus() scrolls only when
 * the field is outside the window; scrollIntoView also keeps clear of the scroll-padding set
 * beside those bars (utilities.css, app.css).
 */
export function keepCaretClearOfActions(root: Document): void {
  root.addEventListener('focusin', (event) => {
    const field = event.target
    if (!(field instanceof HTMLElement)) return
    const dialog = field.closest('.el-overlay-dialog')
    const bar = dialog ? dialog.querySelector('.dialog-actions') : root.querySelector('.shell-main .action-bar')
    if (!bar || bar.contains(field)) return
    if (field.getBoundingClientRect().bottom > bar.getBoundingClientRect().top)
      field.scrollIntoView({ block: 'nearest' })
  })
}
