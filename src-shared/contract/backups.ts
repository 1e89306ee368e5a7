import { z } from 'zod'
import { operation } from './operation'
import { emptyInput, id, optionalText } from './common'
import type { PaymentMethod } from '../domain/invoice'

/** Why a copy was taken; shown beside it in the list. */
export const BACKUP_REASONS = ['daily', 'manual', 'upgrade', 'restore'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

/** What a copy holds, read from the copy itself when it was verified. */
export interface BackupCounts {
  jobs: number
  customers: number
  payments: number
}

export interface BackupCopy {
  /** The file name in the backup folder; names sort by the time they were taken. */
  name: string
  takenAt: string
  reason: BackupReason
  sizeBytes: number
  schemaVersion: number
  counts: BackupCounts
}

export interface BackupList {
  folder: string
  copies: BackupCopy[]
}

/** A copy against today's data, shown before an admin restores it. */
export interface RestorePreview {
  copy: BackupCopy
  current: BackupCounts
  currentSchemaVersion: number
  /** A copy written by a newer version of the app cannot be restored by this one. */
  tooNew: boolean
  /** What the restore would do to who may get in; null when the copy cannot be restored or read. */
  access: RestoreAccess | null
  /** What the restore would mean at HQ; null when the shop is not enrolled with HQ, or the copy cannot be read. */
  hq: RestoreHq | null
  /** What the shop confirmed to people outside since the copy, kept; null when the copy cannot be restored or read. */
  confirmed: RestoreConfirmed | null
  /** Money that moved after the copy: what the restore drops, and the day closes it keeps; null as `confirmed`. */
  money: RestoreMoney | null
}

/**
 * Money recorded after the copy that the copy does not hold: a restore cannot keep it (its job,
 * invoice or sale may not exist in the copy), so it lists it where the counter meets it until a
 * manager has dealt with each one. A day closed since stays closed: its cash was handed over.
 */
export interface RestoreMoney {
  dropped: DroppedMoneyRecord[]
  /** Day closes made after the copy, kept closed on the restored data (their numbers). */
  keptDayCloses: string[]
}

/** A payment (by its kind), or a document issued with no payment of its own among those dropped. */
export const DROPPED_MONEY_KINDS = [
  'deposit',
  'payment',
  'deposit_return',
  'refund',
  'invoice',
  'credit_note',
  'counter_sale',
  'counter_refund'
] as const
export type DroppedMoneyKind = (typeof DROPPED_MONEY_KINDS)[number]

/** One money record a restore dropped, as it was just before the restore. */
export interface DroppedMoneyRecord {
  /** The payment's or document's own id. */
  recordId: string
  kind: DroppedMoneyKind
  /** Money in positive, out negative, in fen; a document's total to the customer. */
  amountFen: number
  /** How it was paid; null for a document. */
  method: PaymentMethod | null
  /** The document it belongs to (invoice, credit note, sale or refund, 三包 accessory slip), or ''. */
  documentNumber: string
  workOrderId: string | null
  workOrderNumber: string | null
  /** The invoice a credit note corrects, or the sale a counter refund takes back: what it refunded. */
  refundsDocumentId: string | null
  customerName: string
  at: string
  byName: string | null
  /** The day close that counted it (its cash handed over), when one did. */
  dayCloseNumber: string | null
}

/**
 * A charge or refund at the counter, by what a dropped record may already have done: checkout
 * asks the backups feature (through its port) before it charges a job or refunds an invoice or sale.
 */
export type CounterMoneyStep =
  | { charging: { workOrderId: string } }
  | { refundingInvoice: { invoiceId: string; workOrderId: string } }
  | { refundingSale: { saleId: string } }

/**
 * On a charge or refund: the counter checked the dropped records that stopped it (the refusal
 * named them) and goes on; a manager must be at the counter, and the records are then dealt with.
 */
export const droppedMoneyChecked = z.boolean().default(false)

/** A dropped record on the restored data's list, and whether a manager has dealt with it. */
export interface DroppedMoneyEntry extends DroppedMoneyRecord {
  id: string
  /** The copy the restore put back, and when. */
  backupName: string
  restoredAt: string
  dealtWithAt: string | null
  dealtWithByName: string | null
  dealtWithNote: string
  /**
   * The day close that counted its money, when that close is kept on this data and no re-entry is
   * tied to the record yet: charging or refunding its job or sale again is then a re-entry of money
   * already handed over, which the next close leaves out of its expected cash. Null otherwise.
   */
  countedNotReEntered: { dayCloseNumber: string; dayClosedAt: string } | null
}

/**
 * What the shop told people outside after the copy, which a restore must not take back: the
 * numbers it issued (printed on receipts, sent to HQ) and the erasures it confirmed to customers.
 */
export interface RestoreConfirmed {
  /** Number series (WO, INV, CN…) whose counters today are ahead of the copy's: they continue from today's. */
  numberSeries: string[]
  /** Customers erased after the copy whom the copy still holds: erased again on the restored data. */
  erasures: number
}

/**
 * A restore and HQ. The shop stays connected to HQ as it is today; what HQ already received
 * after the copy stays at HQ, as the shop had it before the restore.
 */
export interface RestoreHq {
  hqName: string
  /** The copy held another HQ connection (enrolled again since, a new key) or none: today's is kept. */
  connectionKept: boolean
  /**
   * Records HQ received after the copy that the copy does not name (made since): they stay at HQ,
   * counted by entity.
   */
  heldByHq: { entity: string; records: number }[]
  /** Records HQ received changes of after the copy that the copy holds: its state is sent to HQ again. */
  sentAgain: number
}

/** Who may get in after a restore, against today, by name: what stays as today, what goes. */
export interface RestoreAccess {
  /** What the restore would keep from today's database (its answer's `kept` names the same). */
  kept: RestoreKept
  /** Active accounts made after the copy: the copy does not hold them, they could no longer sign in. */
  lostAccounts: string[]
  /** Desks paired after the copy and not revoked: the copy does not hold them, they must pair again. */
  lostDesks: string[]
  /**
   * The copy's administrators have all been deactivated or given another role since (and today's
   * are not in the copy): the restore would leave no one to administer the shop, and refuses.
   */
  leavesNoAdmin: boolean
}

export interface RestoreResult {
  restored: BackupCopy
  /** The copy of the database as it was just before the restore. */
  safetyCopy: BackupCopy
  /** Access taken away (or changed) after the copy, kept as it was just before the restore. */
  kept: RestoreKept
  /** The shop's link with HQ after the restore; null when the shop is not enrolled with HQ. */
  hq: RestoreHq | null
  /** Numbers issued and erasures confirmed after the copy, kept as they were just before the restore. */
  confirmed: RestoreConfirmed
  /** Money recorded after the copy: listed as dropped on the restored data; day closes kept closed. */
  money: RestoreMoney
}

/** Names, for the admin to read, of what the restore kept from the running database. */
export interface RestoreKept {
  /** Accounts whose password was changed after the copy: the newer password stays. */
  passwords: string[]
  /** Accounts deactivated, re-activated or given another role after the copy: they stay so. */
  accounts: string[]
  /** Desks revoked after the copy: they stay revoked. */
  revokedDesks: string[]
  /** Accounts locked out now after too many wrong passwords: they stay locked until the lock runs out. */
  lockedOut: string[]
}

/**
 * `neverBackedUp`: no copy has been taken yet (a new shop): the first one is to be made, not an
 * old one replaced. `stale`: the last good copy is older than two days.
 * `lastCopyFailed`: the latest copy, daily or asked for, failed and none has succeeded since.
 * `copyFromFuture`: a copy in the folder is dated after now (the PC's clock once ran ahead).
 */
export const BACKUP_PROBLEMS = [
  'none',
  'neverBackedUp',
  'stale',
  'lastCopyFailed',
  'copyFromFuture',
  'folderMissing',
  'folderNotWritable',
  'lowSpace'
] as const
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number]

export interface BackupHealth {
  folder: string
  lastGoodAt: string | null
  /** Everything wrong with the backups right now; empty when all is well. */
  problems: Exclude<BackupProblem, 'none'>[]
  freeBytes: number | null
}

/** A daily time on the shop's wall clock, `HH:mm`. */
export const dailyTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalid' })

export const backupSettingsSchema = z
  .object({
    /** Absolute path of the folder copies go to; null keeps them in the data folder's `backups`. */
    folder: z
      .string()
      .trim()
      .min(1)
      .max(500)
      // No control characters in a path someone reads back on screen.
      .regex(/^[^\p{Cc}]*$/u, { message: 'validation.controlCharacter' })
      .nullable(),
    dailyTime: dailyTimeSchema,
    keepDaily: z.number().int().min(1).max(365),
    keepMonthly: z.number().int().min(0).max(120)
  })
  .strict()
export type BackupSettings = z.output<typeof backupSettingsSchema>

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  folder: null,
  dailyTime: '21:30',
  keepDaily: 7,
  keepMonthly: 12
}

/** Copy names as this app writes them; anything else is refused before it touches the file system. */
export const backupNameSchema = z
  .string()
  .regex(/^service-center-\d{8}T\d{6}\d{3}Z\.sqlite$/, { message: 'validation.invalid' })

export const backupsContract = {
  'backups.list': operation<BackupList>()(emptyInput),
  'backups.takeNow': operation<BackupCopy>()(emptyInput),
  'backups.health': operation<BackupHealth>()(emptyInput),
  'backups.settings': operation<BackupSettings>()(emptyInput),
  'backups.saveSettings': operation<BackupSettings>()(backupSettingsSchema),
  'backups.previewRestore': operation<RestorePreview>()(z.object({ name: backupNameSchema }).strict()),
  'backups.restore': operation<RestoreResult>()(z.object({ name: backupNameSchema }).strict()),
  /**
   * The money records restores dropped, still to be dealt with (or all, newest restore first): for
   * one work order when named, else the whole shop's.
   */
  'backups.droppedMoney': operation<DroppedMoneyEntry[]>()(
    z.object({ workOrderId: id.optional(), includeDealtWith: z.boolean().default(false) }).strict()
  ),
  /**
   * A manager says a dropped record was re-entered or checked: it leaves the alerts. One a kept
   * close counted and no re-entry is tied to (`countedNotReEntered`) is re-entered at the counter
   * first, or marked with the manager's word that it will not be (`notReEntered`).
   */
  'backups.markDroppedMoneyDealtWith': operation<DroppedMoneyEntry>()(
    z.object({ id, note: optionalText(200), notReEntered: z.boolean().default(false) }).strict()
  )
}
