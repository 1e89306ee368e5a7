import type { AppContext } from '../../../src-main/app/context'

/** The schema's tables, without SQLite's own and the search indexes' shadow tables. */
export function schemaTables(app: AppContext): string[] {
  const names = app.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return names.filter((name) => !/_search_(config|data|docsize|idx)$/.test(name))
}
