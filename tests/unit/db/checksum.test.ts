import { describe, expect, it } from 'vitest'
import { migrationChecksum, normaliseStatement } from '../../../src-main/db/checksum'
import type { Migration } from '../../../src-main/db/migration'

const step: Migration = {
  version: 3,
  name: 'widgets: the widget table',
  statements: [
    `CREATE TABLE widgets (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL DEFAULT 'a  b'
    )`
  ]
}

describe('normaliseStatement', () => {
  it('collapses whitespace between tokens into one space and trims the ends', () => {
    expect(normaliseStatement('\n  CREATE TABLE  widgets (\n\t id TEXT\r\n  )  ')).toBe(
      'CREATE TABLE widgets ( id TEXT )'
    )
  })

  it('keeps everything inside quotes byte for byte, doubled quotes included', () => {
    const quoted = `INSERT INTO t VALUES ('two  spaces', 'it''s  --not a comment', "odd  name", \`tick  ed\`, [brack  et])`
    expect(normaliseStatement(quoted)).toBe(quoted)
  })

  it('treats comments as the whitespace they are', () => {
    expect(normaliseStatement('SELECT 1, -- the first\n  2 /* the\nsecond */ FROM t')).toBe('SELECT 1, 2 FROM t')
  })

  it('never joins two tokens a comment or a space kept apart', () => {
    expect(normaliseStatement('SELECT a/**/b, 1 - -2')).toBe('SELECT a b, 1 - -2')
  })

  it('leaves a no-break space alone: SQLite reads it as part of a name, not as space', () => {
    expect(normaliseStatement('SELECT a\u00a0b')).toBe('SELECT a\u00a0b')
  })
})

describe('migrationChecksum', () => {
  const checksum = migrationChecksum(step)

  it('is a sha256 in hex', () => {
    expect(checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  it('ignores re-indenting and rewording comments', () => {
    const reformatted: Migration = {
      ...step,
      statements: [
        `CREATE TABLE widgets (
  id TEXT PRIMARY KEY, -- the widget's own id
  label   TEXT NOT NULL DEFAULT 'a  b' )`
      ]
    }
    expect(migrationChecksum(reformatted)).toBe(checksum)
  })

  it('changes with the version, the name, a statement, a space inside a literal, or the statement split', () => {
    const variants: Migration[] = [
      { ...step, version: 4 },
      { ...step, name: 'widgets: the widgets table' },
      { ...step, statements: [step.statements[0]!.replace('TEXT NOT NULL', 'TEXT')] },
      { ...step, statements: [step.statements[0]!.replace("'a  b'", "'a b'")] },
      { ...step, statements: [...step.statements, 'CREATE INDEX widgets_label ON widgets(label)'] },
      // Only existing runs of space shrink: one added where there was none counts as a change.
      { ...step, statements: [step.statements[0]!.replace('KEY,', 'KEY ,')] },
      { ...step, statements: ['CREATE TABLE a (x)', 'CREATE TABLE b (y)'] },
      { ...step, statements: ['CREATE TABLE a (x) CREATE TABLE b (y)'] }
    ]
    const checksums = variants.map(migrationChecksum)
    expect(checksums).not.toContain(checksum)
    expect(new Set(checksums).size).toBe(variants.length)
  })
})
