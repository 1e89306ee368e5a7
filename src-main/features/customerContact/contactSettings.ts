import type { Db } from '../../db/connection'
import { fieldError, type ContactSettings, type CurrentUser } from '../../../src-shared/contract'
import {
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_OPENING_HOURS,
  DEFAULT_READY_TEMPLATES,
  DEFAULT_UNREPAIRED_TEMPLATES,
  READY_MESSAGE_LANGUAGES,
  templateGivesClaimCode,
  unknownTemplateFields
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

/**
 * Both pick-up messages, in each language, must be ones the desk can send: every `{…}` a field a job
 * fills (a misspelt one would reach the customer as typed), and the claim code in it, without which
 * the customer cannot collect. Only a template this save changes is checked: one stored before the
 * rule (a shop's own wording without the code) stays as it was and must not block saving the hours
 * or the follow-up days. The first that fails is refused under its own template.
 */
function checkChangedTemplates(next: ContactSettings, before: ContactSettings): void {
  for (const key of ['readyTemplates', 'unrepairedTemplates'] as const) {
    for (const language of READY_MESSAGE_LANGUAGES) {
      const template = next[key][language]
      if (template === before[key][language]) continue
      const path = `${key}.${language}`
      const unknown = unknownTemplateFields(template)
      if (unknown.length > 0) throw fieldError(path, 'validation.templateUnknownFields', { fields: unknown.join(' ') })
      if (!templateGivesClaimCode(template))
        throw fieldError(path, 'validation.templateNeedsClaimCode', { field: '{claimCode}' })
    }
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
    checkChangedTemplates(next, before)
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
