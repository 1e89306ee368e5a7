import { sql, type RawBuilder } from 'kysely'
import type { z } from 'zod'
import {
  SHOP_TABLES,
  type PulledTable,
  type pullRequest,
  type pullResponse,
  type pulledChange
} from '../../src-shared/hq/protocol'
import type { HqContext } from '../context'

type PulledChange = z.infer<typeof pulledChange>
type Row = Record<string, unknown> & { seq: number }

interface PulledTableSource {
  /** The PostgreSQL table, and its sequence. */
  table: string
  key(row: Row): string
  /** null: the row is a tombstone (deleted at HQ), sent as a delete. */
  shape(row: Row): unknown
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value))
const shared = (row: Row, shape: (row: Row) => unknown) => (row.deleted ? null : shape(row))

/** How each pulled table is read and shaped into the protocol's row schema (pulledRowSchemas). */
const SOURCES: Record<PulledTable, PulledTableSource> = {
  registryUnits: {
    table: 'registry_units',
    key: (row) => String(row.serial),
    shape: (row) =>
      shared(row, (r) => ({
        serial: r.serial,
        brand: r.brand,
        model: r.model,
        categoryKey: r.category_key,
        cardNumber: r.card_number,
        purchaseDate: r.purchase_date,
        invoiceNumber: r.invoice_number,
        dealer: r.dealer,
        productionDate: r.production_date,
        buyerName: r.buyer_name,
        buyerPhone: r.buyer_phone,
        activationDate: r.activation_date
      }))
  },
  warrantyPolicies: {
    table: 'warranty_policies',
    key: (row) => String(row.id),
    shape: (row) =>
      shared(row, (r) => ({
        id: r.id,
        categoryKey: r.category_key,
        brand: r.brand,
        model: r.model,
        effectiveFrom: r.effective_from,
        policy: r.policy,
        note: r.note
      }))
  },
  catalogueParts: {
    table: 'catalogue_parts',
    key: (row) => String(row.part_number),
    shape: (row) =>
      shared(row, (r) => ({
        partNumber: r.part_number,
        name: r.name,
        description: r.description,
        unit: r.unit,
        claimPriceFen: r.claim_price_fen,
        retailPriceFen: r.retail_price_fen,
        returnFaulty: r.return_faulty,
        serialTracked: r.serial_tracked
      }))
  },
  faultCodes: {
    table: 'fault_codes',
    key: (row) => `${String(row.list)}:${String(row.code)}`,
    shape: (row) =>
      shared(row, (r) => ({
        list: r.list,
        code: r.code,
        label: r.label,
        active: r.active,
        component: r.component,
        voidsWarranty: r.voids_warranty
      }))
  },
  serviceBulletins: {
    table: 'service_bulletins',
    key: (row) => String(row.id),
    shape: (row) =>
      shared(row, (r) => ({
        id: r.id,
        title: r.title,
        body: r.body,
        models: r.models,
        publishedAt: iso(r.published_at)
      }))
  },
  claimDecisions: {
    table: 'claim_decisions',
    key: (row) => String(row.claim_id),
    shape: (r) => ({
      claimId: r.claim_id,
      status: r.status,
      reason: r.reason,
      approvedFen: r.approved_fen,
      decidedAt: iso(r.decided_at),
      paidFen: r.paid_fen,
      paidReference: r.paid_reference,
      paidAt: r.paid_at === null ? null : iso(r.paid_at)
    })
  },
  returnBatchStatus: {
    table: 'return_batch_status',
    key: (row) => String(row.batch_id),
    shape: (r) => ({
      batchId: r.batch_id,
      status: r.status,
      creditedFen: r.credited_fen,
      creditReference: r.credit_reference,
      at: iso(r.at)
    })
  }
}

/** Within this distance of the sequence's end `remaining` is counted exactly; beyond, it is the distance. */
const EXACT_COUNT_LIMIT = 20_000

const isShopTable = (table: PulledTable) => (SHOP_TABLES as readonly string[]).includes(table)

/**
 * Changes to one HQ-owned table after the shop's cursor, in sequence order, one page at a time.
 * A shop-owned table (decisions, return-batch answers) answers only the asking shop's rows.
 * Every insert or update of these tables took a new sequence number, and writers of a table
 * commit in sequence order (see the migration's trigger), so a cursor never passes a row that
 * was still to commit.
 */
export async function pullChanges(
  hq: HqContext,
  shopId: string,
  request: z.infer<typeof pullRequest>
): Promise<z.infer<typeof pullResponse>> {
  const source = SOURCES[request.table]
  const table = sql.table(source.table)
  const ofShop: RawBuilder<unknown> = isShopTable(request.table) ? sql`AND shop_id = ${shopId}` : sql``
  const { rows } = await sql<Row>`
    SELECT * FROM ${table} WHERE seq > ${request.since} ${ofShop} ORDER BY seq LIMIT ${request.limit}
  `.execute(hq.db.withoutPlugins())
  const changes: PulledChange[] = rows.map((row) => {
    const shaped = source.shape(row)
    return { seq: row.seq, key: source.key(row), operation: shaped === null ? 'delete' : 'upsert', row: shaped }
  })
  const nextCursor = rows.length > 0 ? rows[rows.length - 1]!.seq : request.since
  const remaining =
    rows.length < request.limit ? 0 : await countAfter(hq, source.table, nextCursor, ofShop, isShopTable(request.table))
  return { table: request.table, changes, nextCursor, remaining }
}

/**
 * What is left after the cursor, for the shop's progress bar. Counting the index entries after
 * the cursor on every page would cost more than the page (a million-row registry just imported has
 * no visibility map yet, so each entry is a heap visit), so the sequence's distance comes first:
 * beyond the exact limit it is the answer (exact for a registry imported once, an upper bound
 * after updates); within it, the rows are counted. A shop's own rows are few, and the sequence is
 * shared by every shop: those are always counted.
 */
async function countAfter(
  hq: HqContext,
  table: string,
  cursor: number,
  ofShop: RawBuilder<unknown>,
  perShop: boolean
): Promise<number> {
  const db = hq.db.withoutPlugins()
  if (!perShop) {
    const last = await sql<{
      lastValue: number
    }>`SELECT last_value AS "lastValue" FROM ${sql.table(`${table}_seq`)}`.execute(db)
    const distance = (last.rows[0]?.lastValue ?? cursor) - cursor
    if (distance > EXACT_COUNT_LIMIT) return distance
  }
  const { rows } = await sql<{ count: number }>`
    SELECT count(*)::int AS count FROM ${sql.table(table)} WHERE seq > ${cursor} ${ofShop}
  `.execute(db)
  return rows[0]?.count ?? 0
}
