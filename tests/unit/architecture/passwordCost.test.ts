import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesUnder, repoPath, ROOT } from './sourceImports'

describe('the password cost', () => {
  it('is lowered only by the unit tests: no host, service or tool of the app calls the hook', () => {
    const callers = ['src-main', 'src-hq', 'src-shared', 'src-renderer', 'tools']
      .flatMap((dir) => filesUnder(join(ROOT, dir), ['.ts', '.vue', '.mjs']))
      .filter((file) => readFileSync(file, 'utf8').includes('setPasswordCostForTests'))
      .map(repoPath)
    expect(callers).toEqual(['src-main/features/auth/password.ts'])
  })
})
