/** Longest side of a stored logo: plenty for a receipt header, small enough to store and print. */
const MAX_SIDE = 360

/**
 * Reads an image file and re-encodes it as a PNG data URL no larger than MAX_SIDE, which also
 * drops any metadata the file carried.
 */
export async function readLogoFile(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(bitmap.width * scale))
  canvas.height = Math.max(1, Math.round(bitmap.height * scale))
  const context = canvas.getContext('2d')
  if (!context) throw new Error('canvas unavailable')
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
  bitmap.close()
  return canvas.toDataURL('image/png')
}
