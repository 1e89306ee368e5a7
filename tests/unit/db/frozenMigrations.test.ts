import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrationChecksum } from '../../../src-main/db/checksum'
import { allMigrations } from '../../../src-main/db/migrations'

/**
 * The checksum of every released step, as release 0.1.0 shipped it. Shops' databases recorded
 * these: a step that no longer matches would refuse to start there, so it fails here first.
 * When a release ships, append the checksums of its new steps; never edit a line.
 */
const RELEASED_CHECKSUMS: Record<number, string> = {
  1: '0a002bd49c527bde248408df34d51aadefe8bf3a7853c0bf7f9e9a051ccab398',
  2: '0235dd0601a39dc1ac3d3c8db515aab1f30f8c14624f8ddddbc3d02a0a2b014a',
  3: 'a8ff84bd5625101de0369bbb088a9edff519be3c1a0f41176ef43dffeba28ec2',
  4: 'bb68467862f146fc29590a9f3aac732bf7500762b6aa5c3d9b7a64c0254984dd',
  5: '1690fedd282f31fa0b2efd59be45c9499c30e6ff62d7d47ab4489185f2378d2b',
  6: '2d835139f8b37d52c70cd8cea2a04756cf367665878a230116300514646e663f',
  7: 'fc0009cb2e53e03ca7d2159cb10731b1a18785f45022af366ee7fb9c9d81495e',
  8: '02577077b2607166c55d04b02543a2dcccb62e644ddc94239559a2790b9f8f0b',
  9: 'a3cd64d8ce465436405b499f248784483b46c17d8252247cf606fbb49ee24be1',
  10: '531b4ff2990882134dd3121afc04bd5c0be19691a3666012b377bf486d6d3b23',
  11: '1383e1f1b60117e871e2aca6a4c40c9bb6772335a886d202c757f63dee92f149',
  12: '29fe5a64cfc77693b9ed4c995a5823e1c88aa49e17574e5b675ed6a1ccfec462',
  13: '9f47adf851bccc7dda408cfdb06bf40d284b21939215c59299032539b81ed0fd',
  14: '79637c5060cae64ffd6a0837fdeabe722231821df2644bfad4a87ca56a9fd43d'
}

const FEATURES = join(__dirname, '..', '..', '..', 'src-main', 'features')

const MIGRATION_TYPE = /^import type \{ Migration \} from '(\.\.\/)+db\/migration'$/

function migrationFiles(): string[] {
  return readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('migrations.ts'))
    .map((path) => join(FEATURES, path))
}

describe('the migration list', () => {
  it('runs versions 1..n down the list, strictly increasing without gaps', () => {
    expect(allMigrations.map((m) => m.version)).toEqual(allMigrations.map((_, index) => index + 1))
  })

  it('still holds every released step exactly as it shipped', () => {
    for (const [version, checksum] of Object.entries(RELEASED_CHECKSUMS)) {
      const migration = allMigrations[Number(version) - 1]!
      expect({ version: migration.version, checksum: migrationChecksum(migration) }).toEqual({
        version: Number(version),
        checksum
      })
    }
  })

  it('takes every step from the features, each used once', () => {
    expect(new Set(allMigrations).size).toBe(allMigrations.length)
    expect(new Set(allMigrations.map((m) => m.name)).size).toBe(allMigrations.length)
  })

  it('has no step that reads live code: a migration file imports nothing but the Migration type', () => {
    const files = migrationFiles()
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const imports = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^\s*(import|export .* from)\b/.test(line))
      for (const line of imports) expect({ file, line }).toEqual({ file, line: expect.stringMatching(MIGRATION_TYPE) })
    }
  })
})
