import { appendFileSync, closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppContext } from '../../../app/context'

/** The size of the pieces a file is read back in (each is decoded and parsed in one go). */
const PIECE = 256 * 1024

const folders = new WeakMap<AppContext, string>()
let temporaryFolder: string | null = null

/**
 * Where uploads wait: a private folder in the shop's data folder (dealers' files hold buyers'
 * names and phones), emptied when the app starts using imports; a private temporary folder for
 * an in-memory database (tests).
 */
export function uploadFolder(app: AppContext): string {
  let folder = folders.get(app)
  if (folder === undefined) {
    if (app.files) {
      folder = join(app.files.dataDir, 'import-uploads')
      rmSync(folder, { recursive: true, force: true })
      mkdirSync(folder, { recursive: true, mode: 0o700 })
    } else {
      temporaryFolder ??= mkdtempSync(join(tmpdir(), 'service-center-import-'))
      folder = temporaryFolder
    }
    folders.set(app, folder)
  }
  return folder
}

/**
 * A file being imported, as it arrives: written to disk piece by piece instead of held in
 * memory, and read back in pieces of 256 KiB, as often as needed (each reading is a fresh pass:
 * the object is a re-iterable Iterable), so memory does not grow with the file.
 */
export class UploadFile implements Iterable<Buffer> {
  private readonly path: string

  constructor(folder: string, jobId: string) {
    this.path = join(folder, `${jobId}.upload`)
    writeFileSync(this.path, '', { mode: 0o600 })
  }

  append(data: Uint8Array): void {
    appendFileSync(this.path, data)
  }

  *[Symbol.iterator](): Iterator<Buffer> {
    let fd: number
    try {
      fd = openSync(this.path, 'r')
    } catch {
      return // discarded
    }
    try {
      for (;;) {
        const piece = Buffer.allocUnsafe(PIECE)
        const read = readSync(fd, piece, 0, PIECE, null)
        if (read === 0) return
        yield read === PIECE ? piece : piece.subarray(0, read)
      }
    } finally {
      closeSync(fd)
    }
  }

  discard(): void {
    rmSync(this.path, { force: true })
  }
}
