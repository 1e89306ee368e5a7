// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { AppError, ERROR_CODES, ERROR_KEYS, type FieldIssue, isErrorKey } from '../../../src-shared/contract'
import { loadRendererMessages, sourceTexts } from '../rendererMessages'

const renderer = await loadRendererMessages()

/** Every quoted `errors.*` / `validation.*` string in the main process and the shared contract. */
function keysWrittenInSource(): Set<string> {
  const found = new Set<string>()
  for (const source of sourceTexts(['src-main', 'src-shared'])) {
    for (const match of source.matchAll(/'((?:errors|validation)\.[A-Za-z_.]+)'/g)) found.add(match[1]!)
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
