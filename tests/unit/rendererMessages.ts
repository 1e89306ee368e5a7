import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')

/** The part of the renderer's vue-i18n instance the message-coverage tests read. */
export interface RendererI18n {
  LOCALES: readonly string[]
  i18n: { global: { te(key: string, locale: string): boolean } }
}

/**
 * The renderer's messages exactly as it assembles them (core texts and every feature's, merged).
 * Imported by a computed path: the renderer is typechecked under its own DOM config, not the
 * tests' node one; the calling test file runs under happy-dom, which gives it the window it expects.
 */
export async function loadRendererMessages(): Promise<RendererI18n> {
  return (await import(join(ROOT, 'src-renderer', 'i18n', 'index.ts'))) as RendererI18n
}

/** The text of every TypeScript file under these top-level folders. */
export function* sourceTexts(folders: readonly string[]): Generator<string> {
  for (const folder of folders) {
    for (const file of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.ts')) yield readFileSync(join(ROOT, folder, file), 'utf8')
    }
  }
}
