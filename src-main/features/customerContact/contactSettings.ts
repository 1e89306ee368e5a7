import type { Db } from '../../db/connection'
import type { ContactSettings, CurrentUser } from '../../../src-shared/contract'
import {
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_OPENING_HOURS,
  DEFAULT_READY_TEMPLATES,
  DEFAULT_UNREPAIRED_TEMPLATES
} from '../../../src-shared/domain/customerContact'
import { recordAudit } from '../audit/record'
import { readSetting, writeSetting } from '../settings/service'

const TEMPLATES_KEY = 'contact.readyTemplates'
const UNREPAIRED_TEMPLATES_KEY = 'contact.unrepairedTemplates'
const HOURS_KEY = 'contact.openingHours'
const FOLLOW_UP_DAYS_KEY = 'contact.followUpDays'

export async function readContactSettings(db: Db): Promise<ContactSettings> {
  return {
    readyTemplates: (await readSetting(db, TEMPLATES_KEY)) ?? DEFAULT_READY_TEMPLATES,
    unrepairedTemplates: (await readSetting(db, UNREPAIRED_TEMPLATES_KEY)) ?? DEFAULT_UNREPAIRED_TEMPLATES,
    openingHours: (await readSetting(db, HOURS_KEY)) ?? DEFAULT_OPENING_HOURS,
    followUpDays: (await readSetting(db, FOLLOW_UP_DAYS_KEY)) ?? DEFAULT_FOLLOW_UP_DAYS
  }
}

export async function saveContactSettings(
  db: Db,
  at: Date,
  actor: CurrentUser,
  next: ContactSettings
): Promise<ContactSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await readContactSettings(trx)
    await writeSetting(trx, TEMPLATES_KEY, next.readyTemplates, at, actor.id)
    await writeSetting(trx, UNREPAIRED_TEMPLATES_KEY, next.unrepairedTemplates, at, actor.id)
    await writeSetting(trx, HOURS_KEY, next.openingHours, at, actor.id)
    await writeSetting(trx, FOLLOW_UP_DAYS_KEY, next.followUpDays, at, actor.id)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'customerContact.saveSettings',
      entity: 'shop',
      entityId: null,
      before,
      after: next
    })
    return next
  })
}
