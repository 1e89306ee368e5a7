import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesUnder, importsOf, repoPath, resolveImport, ROOT } from './sourceImports'

const APP_SOURCES = ['src-main', 'src-hq', 'src-shared', 'src-renderer', 'tools']

function appFiles(): string[] {
  return APP_SOURCES.flatMap((dir) => filesUnder(join(ROOT, dir), ['.ts', '.vue', '.mjs']))
}

describe('the password cost', () => {
  it('is lowered only by the tests: the one hook is called from the web host’s test switch and nowhere else', () => {
    const callers = appFiles()
      .filter((file) => readFileSync(file, 'utf8').includes('setPasswordCostForTests'))
      .map(repoPath)
    expect(callers.sort()).toEqual(['src-main/features/auth/password.ts', 'src-main/host/web/testPasswordCost.ts'])
  })

  it('the test switch is read by the loopback web host’s start-up and its LAN listener alone, never the Electron shell', () => {
    const importers = appFiles()
      .filter((file) =>
        importsOf(file).some((specifier) => resolveImport(file, specifier) === 'src-main/host/web/testPasswordCost')
      )
      .map(repoPath)
    expect(importers.sort()).toEqual(['src-main/host/web/cli.ts', 'src-main/host/web/shopNetwork.ts'])
  })
})
