/** Hands a file made in the app to the browser as a download (Electron saves it the same way). */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The download has started by then; the object URL only holds the file in memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
