import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { filesUnder, importsOf, repoPath, resolveImport, ROOT } from './sourceImports'

const CONTRACT = join(ROOT, 'src-shared/contract')

/** Each contract module and the contract modules it imports (the index and type-only included). */
function contractGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of filesUnder(CONTRACT)) {
    const imported = importsOf(file)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveImport(file, specifier) + '.ts')
      .filter((path) => path.startsWith('src-shared/contract/'))
    graph.set(repoPath(file), imported)
  }
  return graph
}

/** One import circle, as the list of modules around it, or null when there is none. */
function findCircle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>()
  const path: string[] = []
  const visit = (module: string): string[] | null => {
    const open = path.indexOf(module)
    if (open >= 0) return [...path.slice(open), module]
    if (done.has(module)) return null
    path.push(module)
    for (const next of graph.get(module) ?? []) {
      const circle = visit(next)
      if (circle) return circle
    }
    path.pop()
    done.add(module)
    return null
  }
  for (const module of graph.keys()) {
    const circle = visit(module)
    if (circle) return circle
  }
  return null
}

describe('contract modules', () => {
  // The index gathers every module, and permissions reads the operation names from it: those two
  // stand above the modules, so only the modules among themselves must form no circle.
  const aboveTheModules = new Set(['src-shared/contract/index.ts', 'src-shared/contract/permissions.ts'])

  it('import each other in no circle (shared schemas and records live in common.ts)', () => {
    const graph = new Map([...contractGraph()].filter(([module]) => !aboveTheModules.has(module)))
    expect(findCircle(graph)).toBeNull()
  })

  it('declare calendarDate and serialSchema once, in common.ts', () => {
    const declaring = filesUnder(CONTRACT)
      .filter((file) => /export const (calendarDate|serialSchema)\b/.test(readFileSync(file, 'utf8')))
      .map(repoPath)
    expect(declaring).toEqual(['src-shared/contract/common.ts'])
  })
})
