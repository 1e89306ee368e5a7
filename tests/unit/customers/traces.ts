import type { AppContext } from '../../../src-main/app/context'

/** Every place in the database file where a value still appears: each table, each column. */
export function tracesOf(app: AppContext, value: string): string[] {
  const found: string[] = []
  const tables = app.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  for (const { name } of tables) {
    const columns = app.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]
    for (const column of columns) {
      const hit = app.sqlite
        .prepare(`SELECT 1 FROM "${name}" WHERE instr(CAST("${column.name}" AS TEXT), ?) > 0 LIMIT 1`)
        .get(value)
      if (hit) found.push(`${name}.${column.name}`)
    }
  }
  return found
}
