/**
 * What a warranty verdict is judged from: the unit as the shop knows it (its repairs, voids,
 * replaced parts, a wait in a warranty repair) and the fault the customer brings in.
 */
import type { WaitingRecord } from './waiting'

/** One repair of this unit, from the repair records. */
export interface RepairRecord {
  receivedDate: string
  /** null while the unit is still in the shop */
  returnedDate: string | null
  underWarranty: boolean
  faultCode: string | null
  component: string | null
  /**
   * false: the unit came back unrepaired (no fault found, customer declined…). Such a record
   * still counts for the repair-time extension (when underWarranty) but not for the
   * second-repair rule. Absent: true.
   */
  repaired?: boolean
}

/**
 * An accessory exchanged or refunded at the counter under its own 三包 (a PJ slip): the lookup's
 * reasons name each one, and a refunded accessory's 三包 is fulfilled.
 */
export interface AccessoryRemedyRecord {
  kind: 'exchange' | 'refund'
  component: string
  /** the shop's calendar day it was given */
  givenOn: string
  /** the slip's number */
  number: string
  /** the money paid back, for a refund */
  refundFen: number | null
}

/** Why a warranty is void: found at intake, or a fault cause the shop's codes mark as voiding. */
export const VOID_REASONS = ['physical_damage', 'liquid_damage', 'third_party_repair', 'serial_tampered'] as const

export type VoidReason = (typeof VOID_REASONS)[number]

/** A void condition recorded at intake. */
export interface VoidCondition {
  scope: 'unit' | 'component'
  /** required when scope is 'component' */
  component?: string
  reason: VoidReason
  /**
   * The day it was recorded. A void recorded before a part was replaced in a paid repair does
   * not void that part's repair warranty (absent: treated as recorded after, so it does).
   */
  recordedOn?: string
}

/** What is known about the unit. */
export interface UnitFacts {
  invoiceDate: string | null
  productionDate: string | null
  /** this unit replaced an earlier one on this date (a new serial) */
  exchangedOn: string | null
  /** the earlier unit's warranty start, when exchanged */
  originalStartDate: string | null
  repairs: RepairRecord[]
  voids: VoidCondition[]
  /** parts replaced in paid repairs, each with its own repair warranty */
  replacedParts: { component: string; replacedOn: string; warrantyDays: number }[]
  /** this unit was itself replaced by an exchange: the serial of the unit that replaced it */
  replacedBySerial?: string | null
  /** this unit was taken back for a refund at the counter on this date: its 三包 is fulfilled */
  refundedOn?: string | null
  /** accessories exchanged or refunded at the counter, oldest first (absent: none) */
  accessoryRemedies?: AccessoryRemedyRecord[]
  /** the unit is in a warranty repair that is waiting (no parts, or the repairer's delay) */
  waiting?: WaitingRecord | null
}

/** The kinds of fault a customer can claim, in the order a form offers them. */
export const FAULT_KINDS = ['performance', 'appearance'] as const

/** The fault the customer brings in. */
export interface FaultClaim {
  kind: (typeof FAULT_KINDS)[number]
  /** null: the whole unit */
  component: string | null
  faultCode: string | null
  /**
   * When the fault appeared (absent or null: today). The periods are judged on this day, so a
   * fault that appeared on the last day of a period is judged inside it however late it is
   * brought in; a waiting limit is still judged on today.
   */
  faultDate?: string | null
}
