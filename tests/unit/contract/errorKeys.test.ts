// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError, ERROR_CODES, ERROR_KEYS, type FieldIssue, isErrorKey } from '../../../src-shared/contract'

const ROOT = join(__dirname, '..', '..', '..')

/** The part of the renderer's vue-i18n instance this test reads. */
interface RendererI18n {
  LOCALES: readonly string[]
  i18n: { global: { te(key: string, locale: string): boolean } }
}

/**
 * The renderer's messages exactly as it assembles them (core texts and every feature's, merged).
 * Imported by a computed path: the renderer is typechecked under its own DOM config, not this
 * test's node one, and happy-dom gives it the window it expects.
 */
const renderer = (await import(join(ROOT, 'src-renderer', 'i18n', 'index.ts'))) as RendererI18n

/** Every quoted `errors.*` / `validation.*` string in the main process and the shared contract. */
function keysWrittenInSource(): Set<string> {
  const found = new Set<string>()
  for (const folder of ['src-main', 'src-shared']) {
    const files = readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((path) =>
      path.endsWith('.ts')
    )
    for (const file of files) {
      for (const match of readFileSync(join(ROOT, folder, file), 'utf8').matchAll(
        /'((?:errors|validation)\.[A-Za-z_.]+)'/g
      )) {
        found.add(match[1]!)
      }
    }
  }
  return found
}

describe('error keys', () => {
  it('are listed once each', () => {
    expect(new Set(ERROR_KEYS).size).toBe(ERROR_KEYS.length)
  })

  it('are the only keys an error or a field issue can be made with (typecheck fails otherwise)', () => {
    // @ts-expect-error: a key missing from ERROR_KEYS
    const error = new AppError('CONFLICT', 'errors.noSuchKey')
    // @ts-expect-error: a key missing from ERROR_KEYS
    const issue: FieldIssue = { path: 'name', messageKey: 'validation.noSuchRule' }
    expect([isErrorKey(error.messageKey), isErrorKey(issue.messageKey)]).toEqual([false, false])
  })

  it('include the default key of every error code', () => {
    for (const code of ERROR_CODES) expect(isErrorKey(`errors.${code}`)).toBe(true)
  })

  it('include every key the main process and the contract spell out (the zod messages are plain strings)', () => {
    const missing = [...keysWrittenInSource()].filter((key) => !isErrorKey(key))
    expect(missing).toEqual([])
  })

  it('are checked in both languages the renderer speaks', () => {
    expect(renderer.LOCALES).toEqual(['zh-CN', 'en'])
  })

  it.each(renderer.LOCALES)('are all translated in %s', (locale) => {
    const untranslated = ERROR_KEYS.filter((key) => !renderer.i18n.global.te(key, locale))
    expect(untranslated).toEqual([])
  })
})
