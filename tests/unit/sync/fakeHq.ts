import BetterSqlite3 from 'better-sqlite3'
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { generate } from 'selfsigned'
import type { z } from 'zod'
import {
  enrolRequest,
  pullRequest,
  pushRequest,
  SHOP_TABLES,
  type HqErrorCode,
  type PulledTable
} from '../../../src-shared/hq/protocol'

/**
 * A tiny HQ for the shop's sync tests, speaking src-shared/hq/protocol.ts over HTTPS on loopback
 * with a self-made certificate, over SQLite (a file, so it can be stopped and started again on
 * the same data and port). It does what the protocol asks of HQ and no more: enrolment with
 * one-time codes, hashed shop keys that can be revoked, batches applied once in one transaction
 * (a batch id seen before is acknowledged as a duplicate, a change id seen before is skipped),
 * and a change sequence per pulled table. The real HQ is src-hq.
 */

export interface HqCertificatePair {
  key: string
  cert: string
}

export async function makeHqCertificate(): Promise<HqCertificatePair> {
  const pems = await generate([{ name: 'commonName', value: 'fake-hq.test' }], { keySize: 2048, algorithm: 'sha256' })
  return { key: pems.private, cert: pems.cert }
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS shops (shop_id TEXT PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT, revoked INTEGER NOT NULL DEFAULT 0)`,
  `CREATE TABLE IF NOT EXISTS enrol_codes (code TEXT PRIMARY KEY, shop_id TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0)`,
  `CREATE TABLE IF NOT EXISTS batches (batch_id TEXT NOT NULL, shop_id TEXT NOT NULL, applied INTEGER NOT NULL, PRIMARY KEY (shop_id, batch_id))`,
  `CREATE TABLE IF NOT EXISTS changes (id TEXT PRIMARY KEY, shop_id TEXT NOT NULL, batch_id TEXT NOT NULL, entity TEXT NOT NULL,
     entity_id TEXT NOT NULL, operation TEXT NOT NULL, payload_json TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS pulled (table_name TEXT NOT NULL, seq INTEGER NOT NULL, shop_id TEXT, key TEXT NOT NULL,
     operation TEXT NOT NULL, row_json TEXT, PRIMARY KEY (table_name, seq)) WITHOUT ROWID`
]

export interface FakeHqOptions {
  /** The SQLite file HQ keeps; the same file after a restart keeps what HQ had. */
  file: string
  certificate: HqCertificatePair
  /** 0 for any free port; the port of the previous run to come back on the same address. */
  port?: number
  /** Delay before answering a push (to kill a shop while it waits). */
  pushDelayMs?: number
  /** The field HQ refuses a pushed change for, for good (as the real HQ refuses an unreadable time); null to take it. */
  refusesChange?: (change: { id: string; entity: string; entityId: string }) => string | null
  /** Like refusesChange, but the refusal names no change (an HQ that cannot tell which): the batch is stuck. */
  refusesBatchFor?: (change: { id: string; entity: string; entityId: string }) => string | null
  /** True for a pull HQ's connection drops on, unanswered (a network error mid-pull). */
  pullDrops?: (request: { table: PulledTable; since: number }) => boolean
}

export interface FakeHq {
  url: string
  port: number
  fingerprint: string
  db: BetterSqlite3.Database
  /** Registers a shop and returns its one-time enrolment code. */
  registerShop(name: string): string
  revokeShop(shopId: string): void
  /** Publishes a change of a pulled table (for a shop's own table, for that shop only). */
  publish(table: PulledTable, key: string, row: unknown, shopId?: string): void
  /** Publishes many upserts of one shared table in one transaction (the benchmark's registry). */
  publishMany(table: PulledTable, rows: Iterable<{ key: string; row: unknown }>): void
  changeCount(shopId?: string): number
  close(): Promise<void>
}

class HqRefusal extends Error {
  constructor(
    readonly code: HqErrorCode,
    readonly status: number,
    readonly params?: Record<string, unknown>
  ) {
    super(code)
  }
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex')

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new HqRefusal('VALIDATION', 400)
  return parsed.data
}

export async function startFakeHq(options: FakeHqOptions): Promise<FakeHq> {
  const db = new BetterSqlite3(options.file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  for (const statement of SCHEMA) db.exec(statement)

  const shopOfKey = (header: string | undefined): string => {
    const key = header?.startsWith('ShopKey ') ? header.slice('ShopKey '.length) : ''
    const shop = db.prepare('SELECT shop_id, revoked FROM shops WHERE key_hash = ?').get(hashKey(key)) as
      { shop_id: string; revoked: number } | undefined
    if (!shop) throw new HqRefusal('HQ_KEY_INVALID', 401)
    if (shop.revoked) throw new HqRefusal('HQ_KEY_REVOKED', 401)
    return shop.shop_id
  }

  const enrol = (body: unknown) => {
    const input = parse(enrolRequest, body)
    const code = db.prepare('SELECT shop_id, used FROM enrol_codes WHERE code = ?').get(input.code) as
      { shop_id: string; used: number } | undefined
    if (!code) throw new HqRefusal('HQ_ENROL_CODE_INVALID', 400)
    if (code.used) throw new HqRefusal('HQ_ENROL_CODE_EXPIRED', 400)
    const shopKey = randomBytes(32).toString('base64url')
    db.transaction(() => {
      db.prepare('UPDATE enrol_codes SET used = 1 WHERE code = ?').run(input.code)
      db.prepare('UPDATE shops SET key_hash = ?, revoked = 0 WHERE shop_id = ?').run(hashKey(shopKey), code.shop_id)
    })()
    return { shopId: code.shop_id, shopKey, hqName: 'Fake HQ' }
  }

  const insertChange = db.prepare(
    `INSERT OR IGNORE INTO changes (id, shop_id, batch_id, entity, entity_id, operation, payload_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const push = (shopId: string, body: unknown) => {
    const input = parse(pushRequest, body)
    for (const change of input.changes) {
      const field = options.refusesChange?.(change) ?? null
      if (field !== null) throw new HqRefusal('VALIDATION', 400, { field, changeId: change.id })
      const unnamed = options.refusesBatchFor?.(change) ?? null
      if (unnamed !== null) throw new HqRefusal('VALIDATION', 400, { field: unnamed })
    }
    return db.transaction(() => {
      const seen = db.prepare('SELECT 1 FROM batches WHERE shop_id = ? AND batch_id = ?').get(shopId, input.batchId)
      if (seen) return { batchId: input.batchId, applied: 0, duplicate: true }
      let applied = 0
      for (const change of input.changes) {
        applied += insertChange.run(
          change.id,
          shopId,
          input.batchId,
          change.entity,
          change.entityId,
          change.operation,
          JSON.stringify(change.payload)
        ).changes
      }
      db.prepare('INSERT INTO batches (batch_id, shop_id, applied) VALUES (?, ?, ?)').run(
        input.batchId,
        shopId,
        applied
      )
      return { batchId: input.batchId, applied, duplicate: false }
    })()
  }

  const pull = (shopId: string, body: unknown) => {
    const input = parse(pullRequest, body)
    const ownedByShop = (SHOP_TABLES as readonly string[]).includes(input.table)
    const filter = ownedByShop ? 'AND shop_id = ?' : ''
    const args = ownedByShop ? [shopId] : []
    const rows = db
      .prepare(
        `SELECT seq, key, operation, row_json FROM pulled WHERE table_name = ? AND seq > ? ${filter} ORDER BY seq LIMIT ?`
      )
      .all(input.table, input.since, ...args, input.limit) as {
      seq: number
      key: string
      operation: 'upsert' | 'delete'
      row_json: string | null
    }[]
    const nextCursor = rows.length > 0 ? rows[rows.length - 1]!.seq : input.since
    const remaining = ownedByShop
      ? (
          db
            .prepare('SELECT count(*) AS n FROM pulled WHERE table_name = ? AND seq > ? AND shop_id = ?')
            .get(input.table, nextCursor, shopId) as { n: number }
        ).n
      : Math.max(0, maxSeq(input.table) - nextCursor)
    // The rows are sent as HQ stored them, spliced in as JSON text rather than parsed and re-encoded.
    const changes = rows
      .map(
        (row) =>
          `{"seq":${row.seq},"key":${JSON.stringify(row.key)},"operation":"${row.operation}","row":${row.row_json ?? 'null'}}`
      )
      .join(',')
    return `{"table":"${input.table}","changes":[${changes}],"nextCursor":${nextCursor},"remaining":${remaining}}`
  }

  const maxSeq = (table: string) =>
    (db.prepare('SELECT max(seq) AS n FROM pulled WHERE table_name = ?').get(table) as { n: number | null }).n ?? 0

  const server: Server = createServer({ key: options.certificate.key, cert: options.certificate.cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const answer = (status: number, json: string) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(json)
      }
      try {
        const name = (req.url ?? '').replace(/^\/hq\//, '')
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
        if (name === 'enrol') return answer(200, JSON.stringify({ ok: true, data: enrol(body) }))
        const shopId = shopOfKey(req.headers.authorization)
        if (name === 'push') {
          const data = push(shopId, body)
          const send = () => answer(200, JSON.stringify({ ok: true, data }))
          if (options.pushDelayMs) setTimeout(send, options.pushDelayMs)
          else send()
          return
        }
        if (name === 'pull') {
          if (options.pullDrops?.(parse(pullRequest, body))) return void req.socket.destroy()
          return answer(200, `{"ok":true,"data":${pull(shopId, body)}}`)
        }
        throw new HqRefusal('VALIDATION', 404)
      } catch (error) {
        const refusal = error instanceof HqRefusal ? error : new HqRefusal('INTERNAL', 500)
        answer(
          refusal.status,
          JSON.stringify({
            ok: false,
            error: { code: refusal.code, messageKey: `hq.${refusal.code}`, params: refusal.params }
          })
        )
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  const insertPulled = db.prepare(
    'INSERT INTO pulled (table_name, seq, shop_id, key, operation, row_json) VALUES (?, ?, ?, ?, ?, ?)'
  )

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    fingerprint: new X509Certificate(options.certificate.cert).fingerprint256,
    db,
    registerShop(name) {
      const shopId = `shop-${randomBytes(4).toString('hex')}`
      const code = randomBytes(6).toString('hex')
      db.prepare('INSERT INTO shops (shop_id, name) VALUES (?, ?)').run(shopId, name)
      db.prepare('INSERT INTO enrol_codes (code, shop_id) VALUES (?, ?)').run(code, shopId)
      return code
    },
    revokeShop(shopId) {
      db.prepare('UPDATE shops SET revoked = 1 WHERE shop_id = ?').run(shopId)
    },
    publish(table, key, row, shopId) {
      insertPulled.run(
        table,
        maxSeq(table) + 1,
        shopId ?? null,
        key,
        row === null ? 'delete' : 'upsert',
        row === null ? null : JSON.stringify(row)
      )
    },
    publishMany(table, rows) {
      db.transaction(() => {
        let seq = maxSeq(table)
        for (const { key, row } of rows) insertPulled.run(table, ++seq, null, key, 'upsert', JSON.stringify(row))
      })()
    },
    changeCount(shopId) {
      const row = (
        shopId
          ? db.prepare('SELECT count(*) AS n FROM changes WHERE shop_id = ?').get(shopId)
          : db.prepare('SELECT count(*) AS n FROM changes').get()
      ) as { n: number }
      return row.n
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      db.close()
    }
  }
}
