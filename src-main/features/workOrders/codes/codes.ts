import type { Db } from '../../../db/connection'
import { AppError, type CodeEntry, type CurrentUser, type ParsedInput } from '../../../../src-shared/contract'
import type { CodeList } from '../../../../src-shared/domain/repairTypes'
import { isSeededCodeLabel } from '../../../../src-shared/domain/seededCodes'
import { recordAudit } from '../../audit/record'
import type { CodeEntriesTable } from './tables'

/** A code as its audit row records it: what the shop set, nothing worked out from it. */
function codeRecord(row: CodeEntriesTable): Omit<CodeEntry, 'seeded'> {
  return {
    list: row.list,
    code: row.code,
    label: row.label,
    active: row.active === 1,
    sortOrder: row.sortOrder,
    voidsWarranty: row.voidsWarranty
  }
}

function toCodeEntry(row: CodeEntriesTable): CodeEntry {
  return { ...codeRecord(row), seeded: isSeededCodeLabel(row.list, row.code, row.label) }
}

export async function listCodes(db: Db, query: ParsedInput<'codes.list'>): Promise<CodeEntry[]> {
  let select = db.selectFrom('codeEntries').selectAll()
  if (query.list) select = select.where('list', '=', query.list)
  if (!query.includeInactive) select = select.where('active', '=', 1)
  const rows = await select.orderBy('list').orderBy('sortOrder').orderBy('code').execute()
  return rows.map(toCodeEntry)
}

export async function saveCode(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'codes.save'>
): Promise<CodeEntry> {
  // Only a fault cause is read by the warranty rules: on another list the mark would mean nothing.
  if (input.list !== 'fault_cause' && input.voidsWarranty) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'voidsWarranty', messageKey: 'codes.voidsOnlyFaultCause' }]
    })
  }
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('codeEntries')
      .selectAll()
      .where('list', '=', input.list)
      .where('code', '=', input.code)
      .executeTakeFirst()
    if (before && input.adding) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', {
        fields: [{ path: 'code', messageKey: 'validation.codeTaken' }]
      })
    }
    // A new code has no warranty component; an existing one keeps its own (not edited here), and
    // keeps whether it voids the warranty unless the input says.
    const row: CodeEntriesTable = {
      list: input.list,
      code: input.code,
      label: input.label,
      active: input.active ? 1 : 0,
      sortOrder: input.sortOrder,
      component: before?.component ?? null,
      voidsWarranty: input.voidsWarranty === undefined ? (before?.voidsWarranty ?? null) : input.voidsWarranty
    }
    await trx
      .insertInto('codeEntries')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['list', 'code']).doUpdateSet({
          label: row.label,
          active: row.active,
          sortOrder: row.sortOrder,
          voidsWarranty: row.voidsWarranty
        })
      )
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'codes.save',
      entity: 'code',
      entityId: `${input.list}:${input.code}`,
      before: before && codeRecord(before),
      after: codeRecord(row)
    })
    return toCodeEntry(row)
  })
}

/** A code given on a work order must be one the shop offers in that list. */
export async function requireActiveCode(db: Db, list: CodeList, code: string | null, field: string): Promise<void> {
  if (code === null) return
  const found = await db
    .selectFrom('codeEntries')
    .select('code')
    .where('list', '=', list)
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!found)
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: field, messageKey: 'validation.unknownCode' }]
    })
}
