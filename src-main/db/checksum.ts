import { createHash } from 'node:crypto'
import type { Migration } from './migration'

/** Step objects are module constants, never changed once built (a changed step is a new object). */
const checksums = new WeakMap<Migration, string>()

/**
 * The fingerprint of a schema step, recorded when it runs and compared at every start: sha256
 * over its version, name and statements. Each statement is first normalised in the one way that
 * cannot change what SQLite does with it (see `normaliseStatement`), so re-indenting a released
 * step or rewording a SQL comment in it is not taken for a change.
 */
export function migrationChecksum(migration: Migration): string {
  // Every start checks every applied step, and a process that opens many databases (the unit
  // tests' throwaway shops) checks the same step objects again: each is fingerprinted once.
  let checksum = checksums.get(migration)
  if (checksum === undefined) {
    // JSON frames the parts, so no two different steps can run together into the same text.
    const framed = JSON.stringify([migration.version, migration.name, migration.statements.map(normaliseStatement)])
    checksum = createHash('sha256').update(framed, 'utf8').digest('hex')
    checksums.set(migration, checksum)
  }
  return checksum
}

/** Where a quoted token ends: SQLite's string literals and its three ways of quoting identifiers. */
const CLOSING_QUOTE: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' }

/** What SQLite's tokenizer skips as space: ASCII only (a no-break space would be part of a name). */
const SQL_WHITESPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r'])

/**
 * Whitespace and comments outside quoted tokens only separate tokens in SQLite, so each run of
 * them becomes one space (none at the ends). Everything inside quotes, where a space is data, is
 * kept byte for byte; a doubled quote inside a literal reads as the literal closing and reopening,
 * which copies it unchanged too.
 */
export function normaliseStatement(statement: string): string {
  let out = ''
  let pendingSpace = false
  let i = 0
  const emit = (text: string) => {
    if (pendingSpace && out !== '') out += ' '
    pendingSpace = false
    out += text
  }
  while (i < statement.length) {
    const char = statement[i]!
    const closing = CLOSING_QUOTE[char]
    if (closing !== undefined) {
      const end = statement.indexOf(closing, i + 1)
      const stop = end === -1 ? statement.length : end + 1
      emit(statement.slice(i, stop))
      i = stop
    } else if (statement.startsWith('--', i)) {
      const end = statement.indexOf('\n', i)
      i = end === -1 ? statement.length : end
      pendingSpace = true
    } else if (statement.startsWith('/*', i)) {
      const end = statement.indexOf('*/', i + 2)
      i = end === -1 ? statement.length : end + 2
      pendingSpace = true
    } else if (SQL_WHITESPACE.has(char)) {
      i += 1
      pendingSpace = true
    } else {
      emit(char)
      i += 1
    }
  }
  return out
}
