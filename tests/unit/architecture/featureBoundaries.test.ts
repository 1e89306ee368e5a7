import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { filesUnder, importsOf, repoPath, resolveImport, ROOT } from './sourceImports'

const FEATURES = 'src-main/features/'

/** The work-order kernel: every feature builds on it (its records, lookup, rights, guards, ports). */
const KERNEL = 'workOrders'

/**
 * Shared infrastructure any feature may use. Each depends on no feature above it:
 * - audit: the audit trail every change writes (recordAudit);
 * - sync: the change record and outbox HQ replication reads;
 * - settings: the shop's settings (time zone, thresholds);
 * - numbering: the shop's document numbers;
 * - auth: who is signed in and password checks (user admin, setup and manager approval at
 *   checkout verify passwords);
 * - search: the text search (pinyin initials, LIKE patterns) every search-as-you-type shares.
 */
const SHARED_INFRASTRUCTURE = ['audit', 'sync', 'settings', 'numbering', 'auth', 'search']

/**
 * Inside the kernel, repairs (intake, status changes, quotes, the technician's work) builds on the
 * kernel's core like any other feature: other features may not import it.
 */
const KERNEL_PRIVATE = `${FEATURES}${KERNEL}/repairs/`

/** The composition root that plugs features into the kernel's ports: it alone knows them all. */
const WIRING = `${FEATURES}wiring.ts`

interface FeatureImport {
  file: string
  target: string
}

/** Every import from one feature folder into another (or into the kernel's private part). */
function crossFeatureImports(): FeatureImport[] {
  const found: FeatureImport[] = []
  for (const absolute of filesUnder(join(ROOT, FEATURES))) {
    const file = repoPath(absolute)
    if (file === WIRING) continue
    const feature = file.slice(FEATURES.length).split('/')[0]
    for (const specifier of importsOf(absolute).filter((specifier) => specifier.startsWith('.'))) {
      const target = resolveImport(absolute, specifier)
      if (!target.startsWith(FEATURES)) continue
      const targetFeature = target.slice(FEATURES.length).split('/')[0]
      if (targetFeature === feature) continue
      found.push({ file, target })
    }
  }
  return found
}

describe('feature boundaries', () => {
  it('no feature imports another feature, except the kernel and the shared infrastructure', () => {
    const allowed = new Set([KERNEL, ...SHARED_INFRASTRUCTURE])
    const offending = crossFeatureImports().filter(
      ({ target }) => !allowed.has(target.slice(FEATURES.length).split('/')[0] ?? '')
    )
    expect(offending).toEqual([])
  })

  it('no feature reaches into repairs inside the kernel', () => {
    const offending = crossFeatureImports().filter(({ target }) => target.startsWith(KERNEL_PRIVATE))
    expect(offending).toEqual([])
  })

  it("the kernel's core does not build on repairs (only its handler table registers it)", () => {
    const core = filesUnder(join(ROOT, FEATURES, KERNEL))
      .map((file) => ({ file: repoPath(file), imports: importsOf(file) }))
      .filter(({ file }) => !file.startsWith(KERNEL_PRIVATE) && file !== `${FEATURES}${KERNEL}/handlers.ts`)
    const offending = core.filter(({ file, imports }) =>
      imports.some((specifier) => resolveImport(join(ROOT, file), specifier).startsWith(KERNEL_PRIVATE))
    )
    expect(offending.map(({ file }) => file)).toEqual([])
  })

  it('the shared infrastructure builds on no feature but itself', () => {
    const infrastructure = new Set(SHARED_INFRASTRUCTURE)
    const offending = crossFeatureImports().filter(({ file, target }) => {
      const from = file.slice(FEATURES.length).split('/')[0] ?? ''
      const to = target.slice(FEATURES.length).split('/')[0] ?? ''
      return infrastructure.has(from) && !infrastructure.has(to)
    })
    expect(offending).toEqual([])
  })

  it('src-shared imports nothing from the main process or the renderer', () => {
    const offending = filesUnder(join(ROOT, 'src-shared')).flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolveImport(file, specifier))
        .filter((target) => !target.startsWith('src-shared/'))
        .map((target) => `${repoPath(file)} -> ${target}`)
    )
    expect(offending).toEqual([])
  })
})
