import type {
  DroppedMoneyEntry,
  RestoreAccess,
  RestoreConfirmed,
  RestoreHq,
  RestoreKept,
  RestoreMoney
} from '../../../src-shared/contract/backups'
import { formatFen } from '../../../src-shared/domain/money'
import { formatShopDateTime } from '../../../src-shared/domain/timeZone'
import { customerNameText } from '../customers/customerName'
import { yuan } from '../checkout/checkoutText'

/** A copy's size as people read it: megabytes with one decimal, kilobytes below one megabyte. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * The copy's data version against this app's, as words staff can act on: the same, older (the
 * restore brings it up to date) or newer (this app cannot restore it).
 */
export function versionWords(copyVersion: number, appVersion: number): 'same' | 'older' | 'newer' {
  if (copyVersion === appVersion) return 'same'
  return copyVersion < appVersion ? 'older' : 'newer'
}

const KEPT_PARTS = ['passwords', 'accounts', 'revokedDesks', 'lockedOut'] as const

type Translate = (key: string, values?: Record<string, unknown>) => string

/**
 * What a restore kept from before it (passwords, accounts and desk revocations changed after the
 * copy, lock-outs standing now), in one sentence for the admin; empty when it kept nothing. `intro` opens it: the
 * preview says what will be kept, the restore's answer what was.
 */
export function keptSentence(kept: RestoreKept, t: Translate, intro = 'backups.kept.intro'): string {
  const parts = KEPT_PARTS.filter((part) => kept[part].length > 0).map((part) =>
    t(`backups.kept.${part}`, { names: kept[part].join(t('backups.kept.names')) })
  )
  return parts.length === 0 ? '' : t(intro) + parts.join(t('backups.kept.separator'))
}

/** The preview's lines on who may get in after the restore, each with its `data-test`; none when nothing changes. */
export function accessLines(access: RestoreAccess, t: Translate): { test: string; text: string }[] {
  const names = (list: string[]) => ({ names: list.join(t('backups.kept.names')) })
  const lines = [{ test: 'restore-access-kept', text: keptSentence(access.kept, t, 'backups.access.kept') }]
  if (access.lostAccounts.length > 0) {
    lines.push({
      test: 'restore-access-lost-accounts',
      text: t('backups.access.lostAccounts', names(access.lostAccounts))
    })
  }
  if (access.lostDesks.length > 0) {
    lines.push({ test: 'restore-access-lost-desks', text: t('backups.access.lostDesks', names(access.lostDesks)) })
  }
  return lines.filter((line) => line.text !== '')
}

/** The warranty claims' entity in the outbox: HQ may have decided or paid them. */
const CLAIM_ENTITY = 'warranty_claim'

/**
 * What a restore means at HQ, one line each with its `data-test`: today's connection kept over the
 * copy's, the records changed since whose state in the copy goes to HQ again, and the records made
 * since that stay at HQ (claims among them named apart, as HQ may have decided or paid them). None
 * when there is nothing to say.
 */
export function hqLines(hq: RestoreHq, t: Translate): { test: string; text: string }[] {
  const lines: { test: string; text: string }[] = []
  if (hq.connectionKept)
    lines.push({ test: 'restore-hq-connection', text: t('backups.hq.connectionKept', { hqName: hq.hqName }) })
  if (hq.sentAgain > 0)
    lines.push({ test: 'restore-hq-sent-again', text: t('backups.hq.sentAgain', { count: hq.sentAgain }) })
  const records = hq.heldByHq.reduce((sum, entity) => sum + entity.records, 0)
  if (records > 0) lines.push({ test: 'restore-hq-held', text: t('backups.hq.heldByHq', { count: records }) })
  const claims = hq.heldByHq.find((entity) => entity.entity === CLAIM_ENTITY)?.records ?? 0
  if (claims > 0) lines.push({ test: 'restore-hq-claims', text: t('backups.hq.claims', { count: claims }) })
  return lines
}

/** The number series the app issues, by prefix (numbering/service.ts callers), with a name to read. */
const NUMBER_SERIES = ['WO', 'INV', 'CN', 'DC', 'CP', 'ST', 'FR']

/**
 * What the shop confirmed outside since the copy and keeps, one line each with its `data-test`:
 * the series whose numbering continues from today's, and the customers erased again. None when
 * the copy is not behind on either.
 */
export function confirmedLines(confirmed: RestoreConfirmed, t: Translate): { test: string; text: string }[] {
  const lines: { test: string; text: string }[] = []
  if (confirmed.numberSeries.length > 0) {
    const series = confirmed.numberSeries
      .map((prefix) => (NUMBER_SERIES.includes(prefix) ? t(`backups.confirmed.series.${prefix}`) : prefix))
      .join(t('backups.kept.names'))
    lines.push({ test: 'restore-numbers', text: t('backups.confirmed.numbers', { series }) })
  }
  if (confirmed.erasures > 0)
    lines.push({ test: 'restore-erasures', text: t('backups.confirmed.erasures', { count: confirmed.erasures }) })
  return lines
}

/** How many dropped records the preview names one by one; the rest are counted. */
const NAMED_DROPPED = 6

/**
 * What a restore does to the money that moved since the copy, one line each with its `data-test`:
 * the records it drops (named by their document, the first few, with the money in and out), and
 * the day closes it keeps closed. None when no money moved since.
 */
export function moneyLines(money: RestoreMoney, t: Translate): { test: string; text: string }[] {
  const lines: { test: string; text: string }[] = []
  const { dropped } = money
  if (dropped.length > 0) {
    const named = dropped
      .slice(0, NAMED_DROPPED)
      .map((record) =>
        [t(`backups.dropped.kinds.${record.kind}`), record.documentNumber, yuan(record.amountFen)]
          .filter((part) => part !== '')
          .join(' ')
      )
    if (dropped.length > NAMED_DROPPED) named.push(t('backups.money.more', { count: dropped.length - NAMED_DROPPED }))
    const sum = (sign: 1 | -1) =>
      dropped.filter((record) => Math.sign(record.amountFen) === sign).reduce((total, r) => total + r.amountFen, 0)
    lines.push({
      test: 'restore-money-dropped',
      text: t('backups.money.dropped', {
        count: dropped.length,
        inYuan: formatFen(sum(1)),
        outYuan: formatFen(-sum(-1)),
        list: named.join(t('backups.kept.names'))
      })
    })
  }
  if (money.keptDayCloses.length > 0) {
    lines.push({
      test: 'restore-money-day-closes',
      text: t('backups.money.keptDayCloses', { numbers: money.keptDayCloses.join(t('backups.kept.names')) })
    })
  }
  return lines
}

/**
 * One dropped money record as the counter finds it on paper: what, which document, how much,
 * whose (an erased customer's placeholder in the reader's language), when, by whom. On a job's
 * own page (`onItsJob`) the job's number goes unsaid.
 */
export function droppedRecordText(
  record: DroppedMoneyEntry,
  t: Translate,
  timeZone: string,
  onItsJob: boolean
): string {
  const parts = [
    t(`backups.dropped.kinds.${record.kind}`),
    record.documentNumber,
    yuan(record.amountFen),
    record.method ? t(`checkout.method.${record.method}`) : '',
    onItsJob || !record.workOrderNumber ? '' : t('backups.dropped.workOrder', { number: record.workOrderNumber }),
    record.customerName ? t('backups.dropped.customer', { name: customerNameText(record.customerName) }) : '',
    formatShopDateTime(record.at, timeZone),
    record.byName ? t('backups.dropped.by', { name: record.byName }) : '',
    record.dayCloseNumber ? t('backups.dropped.countedIn', { number: record.dayCloseNumber }) : ''
  ]
  return parts.filter((part) => part !== '').join(' · ')
}
