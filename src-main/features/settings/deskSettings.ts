import type { Db } from '../../db/connection'
import type { CurrentUser, ParsedInput } from '../../../src-shared/contract'
import type { DeskSettings, UiLanguage } from '../../../src-shared/contract/settings'
import { recordAudit } from '../audit/record'
import { readSetting } from './service'

/**
 * Settings that belong to one desk (features keep their own keys here: printing, the UI
 * language). A desk that never saved a key falls back to the shop-wide value under the same key
 * (what a shop saved before desks existed), then to the caller's default.
 */
export async function readDeskSetting<T>(db: Db, deskId: string, key: string): Promise<T | undefined> {
  const row = await db
    .selectFrom('deskSettings')
    .select('value')
    .where('deskId', '=', deskId)
    .where('key', '=', key)
    .executeTakeFirst()
  return row === undefined ? readSetting<T>(db, key) : (JSON.parse(row.value) as T)
}

/** Writes one desk's setting; call inside the change's transaction, beside its audit row. */
export async function writeDeskSetting(
  trx: Db,
  deskId: string,
  key: string,
  value: unknown,
  at: Date,
  actorId: string | null
): Promise<void> {
  const row = { deskId, key, value: JSON.stringify(value), updatedAt: at.toISOString(), updatedBy: actorId }
  await trx
    .insertInto('deskSettings')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['deskId', 'key'])
        .doUpdateSet({ value: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy })
    )
    .execute()
}

const LANGUAGE_KEY = 'ui.language'

export async function readDeskSettings(db: Db, deskId: string): Promise<DeskSettings> {
  return { language: (await readDeskSetting<UiLanguage>(db, deskId, LANGUAGE_KEY)) ?? null }
}

export async function saveDeskSettings(
  db: Db,
  deskId: string,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'settings.saveDesk'>
): Promise<DeskSettings> {
  await db.transaction().execute(async (trx) => {
    const before = await readDeskSettings(trx, deskId)
    await writeDeskSetting(trx, deskId, LANGUAGE_KEY, input.language, at, actor.id)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'settings.saveDesk',
      entity: 'settings',
      entityId: `${deskId}:${LANGUAGE_KEY}`,
      before,
      after: { language: input.language }
    })
  })
  return readDeskSettings(db, deskId)
}
