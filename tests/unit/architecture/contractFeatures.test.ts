import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { contract } from '../../../src-shared/contract'
import { filesUnder, repoPath, ROOT } from './sourceImports'

/*
 * The naming rule: a contract module src-shared/contract/<path>.ts declares the operations of one
 * namespace, named like the file (parts/faultyParts.ts declares faultyParts.*), and the feature
 * folder src-main/features/<path>/ handles them: its handlers.ts (or one in a sub-folder that
 * mirrors no contract module of its own, like warranty/import/) registers each of them.
 * A newcomer who reads an operation's name finds its contract and its code by the same path.
 */

const CONTRACT = 'src-shared/contract/'
const FEATURES = 'src-main/features/'

/** Contract files that declare no operations of their own. */
const NOT_MODULES = new Set(['index.ts', 'operation.ts', 'common.ts', 'errors.ts', 'permissions.ts'])

type Exports = Record<string, unknown>

const load = (file: string): Promise<Exports> => import(/* @vite-ignore */ file) as Promise<Exports>

/** Each contract module's path (without .ts) and the operations it declares. */
async function contractModules(): Promise<Map<string, string[]>> {
  const modules = new Map<string, string[]>()
  for (const file of filesUnder(join(ROOT, CONTRACT))) {
    const path = repoPath(file).slice(CONTRACT.length)
    if (NOT_MODULES.has(path)) continue
    const declared = Object.entries(await load(file))
      .filter(([name]) => name.endsWith('Contract'))
      .flatMap(([, operations]) => Object.keys(operations as object))
    modules.set(path.replace(/\.ts$/, ''), declared)
  }
  return modules
}

/** Each handlers.ts under the features, and the operations its exported tables register. */
async function handlerFiles(): Promise<Map<string, string[]>> {
  const files = new Map<string, string[]>()
  for (const file of filesUnder(join(ROOT, FEATURES)).filter((file) => file.endsWith('/handlers.ts'))) {
    const registered = Object.values(await load(file)).flatMap((table) =>
      typeof table === 'object' && table !== null ? Object.keys(table) : []
    )
    files.set(repoPath(file).slice(FEATURES.length), registered)
  }
  return files
}

/** The contract module a feature folder belongs to: itself or its nearest ancestor that mirrors one. */
function owningModule(folder: string, modules: Map<string, string[]>): string | null {
  for (let at = folder; at !== '.' && at !== ''; at = dirname(at)) if (modules.has(at)) return at
  return null
}

describe('contract modules and feature folders', () => {
  it('every contract module declares operations of one namespace, named like the module', async () => {
    for (const [path, operations] of await contractModules()) {
      const name = path.split('/').pop()
      expect(operations.length, path).toBeGreaterThan(0)
      expect(
        operations.filter((operation) => operation.split('.')[0] !== name),
        path
      ).toEqual([])
    }
  })

  it('every contract module has a feature folder of the same path with a handlers.ts', async () => {
    const missing = [...(await contractModules()).keys()].filter(
      (path) => !existsSync(join(ROOT, FEATURES, path, 'handlers.ts'))
    )
    expect(missing).toEqual([])
  })

  it("every operation is registered once, by the handlers of its module's feature folder", async () => {
    const modules = await contractModules()
    const registeredBy = new Map<string, string[]>()
    for (const [file, operations] of await handlerFiles()) {
      const owner = owningModule(dirname(file), modules)
      for (const operation of operations) {
        expect(owner && modules.get(owner)?.includes(operation), `${file} registers ${operation}`).toBe(true)
        registeredBy.set(operation, [...(registeredBy.get(operation) ?? []), file])
      }
    }
    for (const operation of Object.keys(contract)) {
      expect(registeredBy.get(operation)?.length ?? 0, operation).toBe(1)
    }
  })
})
