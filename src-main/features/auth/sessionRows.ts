import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import type { Session } from './sessions'

/** The row of a session in the `sessions` table; the token itself is never stored. */
interface SessionRow {
  user_id: string
  desk_id: string
  at_shop_server: number
  locked: number
  created_at: number
  last_activity_at: number
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The `sessions` table, written with the raw handle so the session checks stay synchronous.
 * A write made while a Kysely transaction of another call holds the connection would join (and
 * could be rolled back with) that transaction, so such writes wait in order until it ends; the
 * store's memory answers meanwhile.
 */
export class SessionRows {
  private readonly pending: Array<(sqlite: BetterSqlite3.Database) => void> = []
  private flushScheduled = false
  private readonly statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()

  constructor(private readonly sqlite: () => BetterSqlite3.Database) {}

  find(token: string): Session | undefined {
    const row = this.statement(
      this.sqlite(),
      `SELECT user_id, desk_id, at_shop_server, locked, created_at, last_activity_at
           FROM sessions WHERE token_hash = ?`
    ).get(hashSessionToken(token)) as SessionRow | undefined
    if (!row) return undefined
    return {
      token,
      userId: row.user_id,
      deskId: row.desk_id,
      atShopServer: row.at_shop_server === 1,
      locked: row.locked === 1,
      createdAt: row.created_at,
      lastActivityAt: row.last_activity_at
    }
  }

  insert(session: Session): void {
    const hash = hashSessionToken(session.token)
    this.write((sqlite) =>
      this.statement(
        sqlite,
        `INSERT INTO sessions (token_hash, user_id, desk_id, at_shop_server, locked, created_at, last_activity_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`
      ).run(
        hash,
        session.userId,
        session.deskId,
        session.atShopServer ? 1 : 0,
        session.locked ? 1 : 0,
        session.createdAt,
        session.lastActivityAt
      )
    )
  }

  update(session: Session): void {
    const hash = hashSessionToken(session.token)
    const { locked, lastActivityAt } = session
    this.write((sqlite) =>
      this.statement(sqlite, `UPDATE sessions SET locked = ?, last_activity_at = ? WHERE token_hash = ?`).run(
        locked ? 1 : 0,
        lastActivityAt,
        hash
      )
    )
  }

  delete(token: string): void {
    const hash = hashSessionToken(token)
    this.write((sqlite) => this.statement(sqlite, `DELETE FROM sessions WHERE token_hash = ?`).run(hash))
  }

  deleteUser(userId: string, keep: ReadonlySet<string>, keepShopServer: boolean): void {
    const kept = [...keep].map(hashSessionToken)
    this.write((sqlite) => {
      const rows = this.statement(
        sqlite,
        `SELECT token_hash FROM sessions WHERE user_id = ? AND (? = 0 OR at_shop_server = 0)`
      ).all(userId, keepShopServer ? 1 : 0) as Array<{ token_hash: string }>
      const remove = this.statement(sqlite, `DELETE FROM sessions WHERE token_hash = ?`)
      for (const row of rows) if (!kept.includes(row.token_hash)) remove.run(row.token_hash)
    })
  }

  deleteAll(): void {
    // Writes queued for the database that was replaced (a restore) must not reach the new one.
    this.pending.length = 0
    this.write((sqlite) => this.statement(sqlite, `DELETE FROM sessions`).run())
  }

  deleteCreatedBefore(oldestAllowed: number): void {
    this.write((sqlite) => this.statement(sqlite, `DELETE FROM sessions WHERE created_at < ?`).run(oldestAllowed))
  }

  /** Runs every queued write now; the app calls it before closing the database. */
  flush(): void {
    const sqlite = this.sqlite()
    if (!sqlite.open) return
    while (this.pending.length > 0 && !sqlite.inTransaction) this.pending.shift()!(sqlite)
    if (this.pending.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(() => {
        this.flushScheduled = false
        this.flush()
      })
    }
  }

  /** Each statement prepared once per database handle: a session check runs on every call. */
  private statement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
    let cached = this.statements.get(sqlite)
    if (!cached) {
      cached = new Map()
      this.statements.set(sqlite, cached)
    }
    let statement = cached.get(sql)
    if (!statement) {
      statement = sqlite.prepare(sql)
      cached.set(sql, statement)
    }
    return statement
  }

  private write(change: (sqlite: BetterSqlite3.Database) => void): void {
    this.pending.push(change)
    this.flush()
  }
}
