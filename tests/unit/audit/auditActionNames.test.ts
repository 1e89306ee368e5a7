// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { loadRendererMessages, sourceTexts } from '../rendererMessages'

const renderer = await loadRendererMessages()

/**
 * Every audit action the main process spells out: the quoted `feature.verb` strings given as an
 * `action:` (one, or either side of a condition). An action built at run time is not seen here.
 */
function actionsWrittenInSource(): Set<string> {
  const found = new Set<string>()
  for (const source of sourceTexts(['src-main'])) {
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
