// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesUnder, repoPath, resolveImport, ROOT } from '../architecture/sourceImports'
import { signInComponents } from '../../../src-renderer/ui/elementPlus'
import { appComponents } from '../../../src-renderer/ui/appComponents'

const RENDERER = join(ROOT, 'src-renderer')

/** `<el-table-column` → `ElTableColumn`: the name a registered component answers to. */
function componentName(tag: string): string {
  return tag.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())
}

/** The Element Plus components a .vue file's template names by tag. */
function elementTags(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  return [...source.matchAll(/<(el-[a-z-]+)/g)].map((match) => componentName(match[1] ?? ''))
}

/** A file and every .ts/.vue file it imports statically, following relative imports only. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^\s*import\s+(?!type\b)[^'(]*?'(\.[^']+)'/gm)) {
      const target = join(ROOT, resolveImport(file, match[1] ?? ''))
      const candidates = [target, `${target}.ts`, join(target, 'index.ts')]
      const found = candidates.find((path) => /\.(ts|vue)$/.test(path) && safeExists(path))
      if (found) visit(found)
    }
  }
  visit(entry)
  return [...seen]
}

function safeExists(path: string): boolean {
  try {
    readFileSync(path)
    return true
  } catch {
    return false
  }
}

describe('Element Plus registered by the component', () => {
  it('registers every component a template names', () => {
    const registered = new Set([...Object.keys(signInComponents), ...Object.keys(appComponents)])
    const missing = filesUnder(RENDERER, ['.vue']).flatMap((file) =>
      elementTags(file)
        .filter((name) => !registered.has(name))
        .map((name) => `${repoPath(file)}: ${name}`)
    )
    expect([...new Set(missing)]).toEqual([])
  })

  it('loads what the sign-in screen draws with the page, before the rest', () => {
    const signInFiles = [...staticClosure(join(RENDERER, 'features/auth/SignInView.vue')), join(RENDERER, 'App.vue')]
    const missing = signInFiles.flatMap((file) => elementTags(file).filter((name) => !(name in signInComponents)))
    expect([...new Set(missing)]).toEqual([])
  })

  it('keeps every page but sign-in out of the first script: the router imports views lazily', () => {
    const firstScript = staticClosure(join(RENDERER, 'main.ts')).map(repoPath)
    expect(firstScript.filter((file) => file.endsWith('.vue')).sort()).toEqual([
      'src-renderer/App.vue',
      'src-renderer/features/auth/SignInView.vue',
      // The shop-server banner shows over every screen, sign-in included (no Element Plus inside).
      'src-renderer/features/network/ConnectionBanner.vue',
      'src-renderer/shell/LanguageSwitch.vue',
      'src-renderer/shell/StandaloneFormPage.vue',
      // Sign-in's banner (why the last attempt failed or the last session ended) is the standing notice.
      'src-renderer/ui/StandingAlert.vue'
    ])
    expect(firstScript).not.toContain('src-renderer/ui/appComponents.ts')
    expect(firstScript).not.toContain('src-renderer/ui/appComponentList.ts')
  })
})
