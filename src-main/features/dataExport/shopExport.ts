import type { AppContext } from '../../app/context'
import type { CurrentUser } from '../../../src-shared/contract'
import type { ExportedFile } from '../../../src-shared/contract/dataExport'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'
import { buildArchive, type ExportLanguage } from './archive'
import { openSnapshot } from './snapshot'
import { EXPORT_TABLES } from './tables'

/**
 * Every table a person or an auditor would want, as CSV files in one zip. CSV rather than one
 * Excel workbook: any program opens it, a sheet stops at 1 048 576 rows, and it can be written
 * row by row while an in-memory workbook of a big shop would not fit. The export is audited.
 */
export async function exportShop(
  app: AppContext,
  now: Date,
  actor: CurrentUser,
  language: ExportLanguage
): Promise<ExportedFile> {
  const timeZone = await readShopTimeZone(app.db)
  const date = shopLocalDate(now, timeZone)
  const intro =
    language === 'en'
      ? [`Shop data export, ${date}, by ${actor.displayName}.`]
      : [`全店数据导出，${date}，导出人：${actor.displayName}。`]
  const snapshot = openSnapshot(app.sqlite)
  let archive: Awaited<ReturnType<typeof buildArchive>>
  try {
    archive = await buildArchive(
      snapshot,
      EXPORT_TABLES.map((table) => ({ table })),
      { language, timeZone, intro }
    )
  } finally {
    snapshot.close()
  }
  await app.db.transaction().execute((trx) =>
    recordAudit(trx, now, {
      actorId: actor.id,
      action: 'dataExport.shop',
      entity: 'shop',
      entityId: null,
      after: { rows: archive.rows }
    })
  )
  return { fileName: `shop-export-${date}.zip`, base64: archive.zip.toString('base64') }
}
