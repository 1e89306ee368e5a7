import { sql } from 'kysely'
import type { z } from 'zod'
import type {
  cataloguePartRow,
  faultCodeRow,
  serviceBulletinRow,
  warrantyPolicyRow
} from '../../src-shared/hq/protocol'
import type { HqContext } from '../context'
import { HqError } from '../errors'

/**
 * The brand's shared data besides the registry: written by a network admin, pulled by every shop.
 * Each write takes the table's next change number (the trigger does it), so shops see it on their
 * next pull; a removal leaves a tombstone the shops pull as a delete.
 */

export async function upsertPolicies(hq: HqContext, rows: readonly z.infer<typeof warrantyPolicyRow>[]) {
  if (rows.length === 0) return 0
  await hq.db
    .insertInto('warrantyPolicies')
    .values(rows.map((row) => ({ ...row, policy: JSON.stringify(row.policy ?? null), deleted: false })))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        categoryKey: eb.ref('excluded.categoryKey'),
        brand: eb.ref('excluded.brand'),
        model: eb.ref('excluded.model'),
        effectiveFrom: eb.ref('excluded.effectiveFrom'),
        policy: eb.ref('excluded.policy'),
        note: eb.ref('excluded.note'),
        deleted: false
      }))
    )
    .execute()
  return rows.length
}

export async function upsertCatalogueParts(hq: HqContext, rows: readonly z.infer<typeof cataloguePartRow>[]) {
  if (rows.length === 0) return 0
  await hq.db
    .insertInto('catalogueParts')
    .values(rows.map((row) => ({ ...row, deleted: false })))
    .onConflict((oc) =>
      oc.column('partNumber').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        description: eb.ref('excluded.description'),
        unit: eb.ref('excluded.unit'),
        claimPriceFen: eb.ref('excluded.claimPriceFen'),
        retailPriceFen: eb.ref('excluded.retailPriceFen'),
        returnFaulty: eb.ref('excluded.returnFaulty'),
        serialTracked: eb.ref('excluded.serialTracked'),
        deleted: false
      }))
    )
    .execute()
  return rows.length
}

export async function upsertFaultCodes(hq: HqContext, rows: readonly z.infer<typeof faultCodeRow>[]) {
  if (rows.length === 0) return 0
  await hq.db
    .insertInto('faultCodes')
    .values(rows.map((row) => ({ ...row, deleted: false })))
    .onConflict((oc) =>
      oc.columns(['list', 'code']).doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'),
        active: eb.ref('excluded.active'),
        component: eb.ref('excluded.component'),
        voidsWarranty: eb.ref('excluded.voidsWarranty'),
        deleted: false
      }))
    )
    .execute()
  return rows.length
}

export async function upsertBulletins(hq: HqContext, rows: readonly z.infer<typeof serviceBulletinRow>[]) {
  if (rows.length === 0) return 0
  await hq.db
    .insertInto('serviceBulletins')
    .values(rows.map((row) => ({ ...row, models: JSON.stringify(row.models), deleted: false })))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
        models: eb.ref('excluded.models'),
        publishedAt: eb.ref('excluded.publishedAt'),
        deleted: false
      }))
    )
    .execute()
  return rows.length
}

/** The brand's labour rates, by category ('*': any category without its own). */
export async function listLabourRates(hq: HqContext): Promise<{ categoryKey: string; labourFen: number }[]> {
  return hq.db.selectFrom('labourRates').select(['categoryKey', 'labourFen']).orderBy('categoryKey').execute()
}

export async function setLabourRates(hq: HqContext, rates: readonly { categoryKey: string; labourFen: number }[]) {
  if (rates.length === 0) return 0
  await hq.db
    .insertInto('labourRates')
    .values([...rates])
    .onConflict((oc) => oc.column('categoryKey').doUpdateSet((eb) => ({ labourFen: eb.ref('excluded.labourFen') })))
    .execute()
  return rates.length
}

/** The shared tables a row can be removed from, and the key column(s) of each. */
export const REMOVABLE = {
  registryUnits: { table: 'registry_units', keys: ['serial'] },
  warrantyPolicies: { table: 'warranty_policies', keys: ['id'] },
  catalogueParts: { table: 'catalogue_parts', keys: ['part_number'] },
  faultCodes: { table: 'fault_codes', keys: ['list', 'code'] },
  serviceBulletins: { table: 'service_bulletins', keys: ['id'] }
} as const

/** Removes a shared row by its pull key (a fault code's key is `list:code`), leaving a tombstone. */
export async function removeSharedRow(hq: HqContext, table: keyof typeof REMOVABLE, key: string): Promise<void> {
  const source = REMOVABLE[table]
  const parts = source.keys.length === 1 ? [key] : [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  const where = sql.join(
    source.keys.map((column, index) => sql`${sql.ref(column)} = ${parts[index] ?? ''}`),
    sql` AND `
  )
  const result = await sql`UPDATE ${sql.table(source.table)} SET deleted = true WHERE ${where} AND NOT deleted`.execute(
    hq.db.withoutPlugins()
  )
  if (result.numAffectedRows === 0n) throw new HqError('NOT_FOUND')
}
