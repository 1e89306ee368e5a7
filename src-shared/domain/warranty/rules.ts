/**
 * The warranty rules, one function each, in their order of precedence (WARRANTY_RULES): the
 * first rule that returns a decision gives the verdict. A rule that does not decide may still add
 * a reason the front desk should hear (a period that has ended, a fault repaired twice before),
 * so the explanation lists every step that mattered.
 */
import type { WarrantyRule } from './case'
import {
  beforeFallbackStart,
  noInvoiceNoWarranty,
  outOfWarranty,
  partRepairWarranty,
  repairOnlyWithoutInvoice,
  repairPeriod,
  unknownStart
} from './periodRules'
import {
  accessoryRemedy,
  exchangeWindow,
  mainComponentRepairedTwice,
  refundWindow,
  secondRepair,
  waitingTooLong
} from './remedyRules'
import { appearanceDamage, givenBack, voided, voidsSetAsideForPart } from './voidRules'

/** The rules in their order of precedence; the last one always decides. */
export const WARRANTY_RULES: readonly WarrantyRule[] = [
  givenBack,
  voided,
  appearanceDamage,
  voidsSetAsideForPart,
  noInvoiceNoWarranty,
  unknownStart,
  beforeFallbackStart,
  repairOnlyWithoutInvoice,
  accessoryRemedy,
  refundWindow,
  exchangeWindow,
  waitingTooLong,
  secondRepair,
  mainComponentRepairedTwice,
  repairPeriod,
  partRepairWarranty,
  outOfWarranty
]
