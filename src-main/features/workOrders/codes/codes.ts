import type { Db } from '../../../db/connection'
import { AppError, type CodeEntry, type CurrentUser, type ParsedInput } from '../../../../src-shared/contract'
import type { CodeList } from '../../../../src-shared/domain/repairTypes'
import { recordAudit } from '../../audit/record'
import type { CodeEntriesTable } from './tables'

function toCodeEntry(row: CodeEntriesTable): CodeEntry {
  return { list: row.list, code: row.code, label: row.label, active: row.active === 1, sortOrder: row.sortOrder }
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
  // A new code has no warranty component; an existing one keeps its own (not edited here).
  const row: CodeEntriesTable = { ...input, active: input.active ? 1 : 0, component: null }
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('codeEntries')
      .selectAll()
      .where('list', '=', input.list)
      .where('code', '=', input.code)
      .executeTakeFirst()
    await trx
      .insertInto('codeEntries')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['list', 'code']).doUpdateSet({ label: row.label, active: row.active, sortOrder: row.sortOrder })
      )
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'codes.save',
      entity: 'code',
      entityId: `${input.list}:${input.code}`,
      before: before && toCodeEntry(before),
      after: toCodeEntry(row)
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
