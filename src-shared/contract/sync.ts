import { z } from 'zod'
import { operation } from './operation'
import { emptyInput } from './common'

/** Why the last sync with HQ failed, in words the sync page shows (sync.problem.<problem>). */
export const SYNC_PROBLEMS = [
  'unreachable',
  'certificateChanged',
  'keyInvalid',
  'keyRevoked',
  'codeInvalid',
  'codeExpired',
  'hqRefused',
  'keyUnreadable',
  'unexpected'
] as const
export type SyncProblem = (typeof SYNC_PROBLEMS)[number]

/** How far a table HQ owns has been pulled; remaining > 0 while a long first pull is under way. */
export interface PulledTableState {
  table: string
  cursor: number
  remaining: number
  updatedAt: string
}

/**
 * A batch of the outbox HQ refuses: sent again on every sync and refused again, so everything
 * after it waits. Named so a manager can pass it on to HQ's support.
 */
export interface StuckPushBatch {
  batchId: string
  firstSeq: number
  lastSeq: number
  changeCount: number
  refusedAt: string
  /** What HQ answered, as it said it (`VALIDATION: hqErrors.VALIDATION field=at`). */
  refusal: string
  /** True when HQ named the change; otherwise `change` is the batch's first. */
  changeNamedByHq: boolean
  change: { seq: number; id: string; entity: string; entityId: string } | null
}

/**
 * A change HQ refused and the shop set aside: kept, not sent again until a manager says HQ has put
 * its side right; the later changes of its record wait behind it, everything else goes.
 */
export interface HeldChange {
  change: { seq: number; id: string; entity: string; entityId: string }
  refusedAt: string
  /** What HQ answered, as it said it (`VALIDATION: hqErrors.VALIDATION field=at`). */
  refusal: string
  /** Later changes of the same record waiting behind it. */
  behind: number
}

/**
 * A row HQ sent that the shop would not apply (a claim's payment that cannot be right): set aside
 * with why, the rest of the pull applied, until HQ sends a version the shop applies.
 */
export interface RefusedPulledRow {
  /** The pulled table (sync.tableNames.<table>). */
  table: string
  key: string
  /** The shop's own name for the record: the job number of a claim. */
  record: string
  /** Why, as a key under sync.refusedRows.reasons, with the figures it names (amounts in fen). */
  reason: string
  details: Record<string, number | string>
  refusedAt: string
}

/** Hours without a successful sync after which an enrolled shop's sync shows as late. */
export const SYNC_LATE_AFTER_HOURS = 24

/** Held changes the sync status lists; the count covers them all. */
export const HELD_LISTED = 50

export interface SyncStatus {
  enrolled: boolean
  hqUrl: string | null
  hqName: string | null
  shopId: string | null
  fingerprint: string | null
  enrolledAt: string | null
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  problem: SyncProblem | null
  /** Failures in a row since the last success: the automatic sync waits longer after each. */
  failures: number
  changesWaiting: number
  /** The batch HQ refuses without naming a change, holding up every change after it; null when nothing is stuck. */
  stuck: StuckPushBatch | null
  /** The changes HQ refused and the shop set aside, oldest first (at most HELD_LISTED of them). */
  held: HeldChange[]
  /** Changes waiting because of them: the held ones and the later changes of their records. */
  heldCount: number
  /** HQ's rows the shop set aside instead of applying, newest first (at most 50 of them). */
  refusedRows: RefusedPulledRow[]
  refusedRowCount: number
  /**
   * No successful sync (or, never synced, no enrolment) for more than SYNC_LATE_AFTER_HOURS:
   * late even when no problem was recorded (a sync that hangs, a timer that stopped).
   */
  late: boolean
  running: boolean
  tables: PulledTableState[]
}

export interface HqCertificate {
  hqUrl: string
  /** SHA-256 of the certificate HQ presented, `AB:CD:…`, for the admin to compare. */
  fingerprint: string
}

/** HQ's address: https only, the shop key never travels in the clear. */
export const hqUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((value) => /^https:\/\/[^\s/]+(\/[^\s]*)?$/i.test(value), { message: 'validation.httpsAddress' })

export const syncContract = {
  'sync.status': operation<SyncStatus>()(emptyInput),
  /** Starts a sync at once (or joins the one running); the page follows it through sync.status. */
  'sync.now': operation<SyncStatus>()(emptyInput),
  /** HQ has put its side right: a held change (and those behind it) goes with the next sync. */
  'sync.sendAgain': operation<SyncStatus>()(z.object({ changeId: z.string().min(1).max(64) })),
  /** Reads the certificate HQ presents, sending nothing, for the admin to confirm before enrolling. */
  'sync.readCertificate': operation<HqCertificate>()(z.object({ hqUrl: hqUrlSchema })),
  'sync.enrol': operation<SyncStatus>()(
    z.object({
      hqUrl: hqUrlSchema,
      /** The fingerprint the admin saw and confirmed: enrolment fails if HQ now shows another. */
      fingerprint: z.string().trim().min(10).max(200),
      code: z.string().trim().min(6).max(32)
    })
  )
}
