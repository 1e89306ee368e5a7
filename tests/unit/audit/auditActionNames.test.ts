// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..', '..')

/** The part of the renderer's vue-i18n instance this test reads (see contract/errorKeys.test.ts). */
interface RendererI18n {
  LOCALES: readonly string[]
  i18n: { global: { te(key: string, locale: string): boolean } }
}

const renderer = (await import(join(ROOT, 'src-renderer', 'i18n', 'index.ts'))) as RendererI18n

/**
 * Every audit action the main process spells out: the quoted `feature.verb` strings given as an
 * `action:` (one, or either side of a condition). An action built at run time is not seen here.
 */
function actionsWrittenInSource(): Set<string> {
  const found = new Set<string>()
  const files = readdirSync(join(ROOT, 'src-main'), { recursive: true, encoding: 'utf8' }).filter((path) =>
    path.endsWith('.ts')
  )
  for (const file of files) {
    const source = readFileSync(join(ROOT, 'src-main', file), 'utf8')
    for (const [, value] of source.matchAll(/\baction:\s*([^,}\n]+)/g)) {
      for (const [, action] of value!.matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) found.add(action!)
    }
  }
  return found
}

describe('audit action names', () => {
  it('are found in the main process (the scan itself works)', () => {
    const actions = actionsWrittenInSource()
    expect(actions.has('workOrderParts.issue')).toBe(true)
    expect(actions.has('auth.signIn')).toBe(true)
    expect(actions.size).toBeGreaterThan(50)
  })

  it('name every action in every language, so the log never shows a raw code', () => {
    // The log looks a name up with the action's dots as underscores (AuditLogView's actionLabel).
    const missing = [...actionsWrittenInSource()].flatMap((action) =>
      renderer.LOCALES.filter(
        (locale) => !renderer.i18n.global.te(`audit.actionNames.${action.replace(/\./g, '_')}`, locale)
      ).map((locale) => `${locale}: ${action}`)
    )
    expect(missing).toEqual([])
  })
})
