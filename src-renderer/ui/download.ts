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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Saves an Excel workbook the main process wrote (an exported list or report). */
export function saveWorkbook(file: { fileName: string; base64: string }): void {
  saveBase64File(file.fileName, file.base64, XLSX_TYPE)
}

/** Saves a file the main process prepared and sent as base64 (an export archive). */
export function saveBase64File(fileName: string, base64: string, type: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  saveFile(fileName, new Blob([bytes], { type }))
}
