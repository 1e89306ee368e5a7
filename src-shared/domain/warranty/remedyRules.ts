/**
 * The rules that give a refund, an exchange or a new component: a phone accessory's own remedies,
 * the refund and exchange windows, waiting too long in a warranty repair, the second repair, a
 * main component repaired twice (rules 3c, 4a, 4b, 4c, 5, 5a).
 */
import { daysBetween } from '../workOrderAge'
import type { WarrantyCase, WarrantyRule } from './case'
import { formatFen } from '../money'
import type { AccessoryRemedyRecord, RepairRecord } from './facts'
import { hasMainComponents, isAccessory } from './policy'
import { reason } from './reasons'
import { waitingEntitledOn } from './waiting'

/**
 * 3c. A performance fault of a phone accessory (附件: battery, charger, terminal card, wired
 * headset, data card) within the accessory's own 三包 period. The phone rules give accessories
 * their own remedy, not the main unit's: 在三包有效期内，电池、充电器、移动终端卡、外接有线耳机、
 * 数据接口卡等移动电话机附件出现…性能故障的，销售者应当为消费者免费更换同品牌同型号同规格的附件。
 * 更换两次仍不能正常使用的，…免费为消费者退货 (单独销售的按发货票价格, 与主机一起销售的按退货当时
 * 单独销售的价格). So, from the first day of its period to its last, a faulty accessory is
 * exchanged for a new one, free ('accessory_exchange'), never repaired nor the phone refunded or
 * exchanged: the 7-day refund and 15-day exchange of 第十一、十二条 are the main unit's (移动电话机
 * 主机), and so is 第十三条's exchange after two repairs. An accessory already exchanged twice
 * under 三包 (two completed warranty jobs on it) that fails again is refunded ('accessory_refund',
 * the accessory alone). The accessory article's number is not confirmed (docs/sanbao-sources.md):
 * the text is cited instead. Past the accessory's period the later rules say so (paid repair).
 */
export const accessoryRemedy: WarrantyRule = (c) => {
  const refunded = refundedAccessory(c)
  if (refunded) {
    c.reasons.push(
      reason('warranty.reason.accessoryRefunded', {
        component: refunded.component,
        refundedOn: refunded.givenOn,
        number: refunded.number
      })
    )
    return { verdict: 'not_covered' }
  }
  const period = c.applicablePeriod?.component
  if (!c.periods || !period || !isAccessory(c.policy, period.component) || c.today > period.end) return null
  const exchangeEnd = c.periods.exchangeEnd
  if (exchangeEnd !== null && c.today <= exchangeEnd)
    c.reasons.push(reason('warranty.reason.accessoryNotUnitWindows', { component: period.component, exchangeEnd }))
  const claimCode = c.claim.faultCode
  const repeated = claimCode === null ? undefined : c.repeatedFaults.get(claimCode)
  if (claimCode !== null && repeated?.some((r) => r.component === period.component))
    c.reasons.push(
      reason('warranty.reason.accessoryNoUnitExchange', {
        component: period.component,
        faultCode: claimCode,
        repairs: repeated.filter((r) => r.component === period.component).length
      })
    )
  const exchanges = c.unit.repairs.filter(
    (r) => r.underWarranty && r.repaired !== false && r.returnedDate !== null && r.component === period.component
  )
  if (exchanges.length >= 2) {
    c.reasons.push(
      reason('warranty.reason.accessoryRefund', {
        component: period.component,
        exchanges: exchanges.length,
        lastReturnedDate: latest(exchanges.map((r) => r.returnedDate ?? r.receivedDate))
      })
    )
    return { verdict: 'accessory_refund' }
  }
  c.reasons.push(
    reason('warranty.reason.accessoryExchange', {
      component: period.component,
      months: period.months,
      end: period.end,
      daysLeft: period.daysLeft
    })
  )
  return { verdict: 'accessory_exchange' }
}

/**
 * The claimed accessory's refund at the counter, if it had one. Refunded (更换两次仍不能正常使用的…
 * 退货), the accessory went back to the seller with its price: its 三包 is fulfilled as a refunded
 * unit's is (voidRules.ts, givenBack), so it is neither exchanged nor refunded again, in or out of
 * its period; an accessory bought afterwards is a sale of its own, with its own invoice.
 */
function refundedAccessory(c: WarrantyCase): AccessoryRemedyRecord | undefined {
  const component = c.claim.component
  if (component === null || !isAccessory(c.policy, component)) return undefined
  return c.unit.accessoryRemedies?.find((given) => given.kind === 'refund' && given.component === component)
}

/**
 * Said when the phone's own window decides after an accessory was remedied: the 7-day refund and
 * 15-day exchange are the main unit's (《移动电话机…》第十一、十二条: 移动电话机主机出现…性能故障),
 * and an accessory's exchange or refund under its own remedy uses none of them up. Refunding the
 * phone, the accessories already refunded are named with their amount: that money was paid back
 * once (the shop kept the accessory), so it is taken off the phone's refund, not paid twice.
 */
function afterAccessoryRemedies(c: WarrantyCase, refund: boolean): void {
  const given = c.unit.accessoryRemedies ?? []
  if (given.length === 0) return
  c.reasons.push(reason('warranty.reason.unitWindowsAfterAccessoryRemedy'))
  if (!refund) return
  for (const refunded of given)
    if (refunded.kind === 'refund' && refunded.refundFen !== null)
      c.reasons.push(
        reason('warranty.reason.accessoryRefundDeducted', {
          component: refunded.component,
          amount: formatFen(refunded.refundFen),
          number: refunded.number
        })
      )
}

/** 4a. A performance fault within the refund window (from the sale, not extended by repairs). */
export const refundWindow: WarrantyRule = (c) => {
  const refundEnd = c.periods?.refundEnd ?? null
  if (!c.periods?.windowsFrom || refundEnd === null || c.today > refundEnd) return null
  c.reasons.push(
    reason('warranty.reason.refundWindow', {
      start: c.periods.windowsFrom,
      refundDays: c.policy.refundDays,
      refundEnd,
      daysLeft: daysBetween(c.today, refundEnd)
    })
  )
  afterAccessoryRemedies(c, true)
  return { verdict: 'refund' }
}

/** 4b. A performance fault within the exchange window (from the sale, not extended by repairs). */
export const exchangeWindow: WarrantyRule = (c) => {
  const exchangeEnd = c.periods?.exchangeEnd ?? null
  if (!c.periods?.windowsFrom || exchangeEnd === null || c.today > exchangeEnd) return null
  c.reasons.push(
    reason('warranty.reason.exchangeWindow', {
      start: c.periods.windowsFrom,
      exchangeDays: c.policy.exchangeDays,
      exchangeEnd,
      daysLeft: daysBetween(c.today, exchangeEnd)
    })
  )
  afterAccessoryRemedies(c, false)
  return { verdict: 'exchange' }
}

/**
 * 4c. Waiting too long in a warranty repair (see waiting.ts for the limits and their articles:
 * 1995 art. 12, 2001 art. 16 and 17, 2002 art. 23). From the first day past the limit, counted
 * from the day the unit was brought in, the customer is entitled to an exchange (the 1995 goods:
 * or a refund instead, 《部分商品…》第十三条: 符合换货条件的…要求退货的，销售者应当予以退货); before it, a
 * reason says on which day. A cause the unit's regulation gives no exchange for (missing parts
 * for a computer, 2002 art. 8) is mentioned: its days only extend the period.
 */
export const waitingTooLong: WarrantyRule = (c) => {
  const waiting = c.unit.waiting
  if (!waiting) return null
  const today = c.waitingToday ?? c.today
  const entitledOn = waitingEntitledOn(waiting)
  const { cause, since, broughtIn } = waiting
  if (!waiting.limit || entitledOn === null) {
    c.reasons.push(reason('warranty.reason.waitingNoLimit', { cause, since, broughtIn }))
    return null
  }
  const params = { cause, since, broughtIn, limitDays: waiting.limit.days, article: waiting.limit.article, entitledOn }
  if (today >= entitledOn) {
    c.reasons.push(reason('warranty.reason.waitingLimitReached', params))
    if (c.policy.regulation !== 'appliances_1995') return { verdict: 'exchange', waitingRule: true }
    c.reasons.push(reason('warranty.reason.refundInsteadOfExchange'))
    return { verdict: 'exchange_or_refund', waitingRule: true }
  }
  c.reasons.push(reason('warranty.reason.waitingLimitAhead', { ...params, daysToGo: daysBetween(today, entitledOn) }))
  return null
}

/**
 * 5. Second-repair rule: repaired twice under warranty for the claim's fault code and failing
 * again within the whole unit's repair period (extended by repair time; and within the claimed
 * component's own period when that is shorter) → the remedy depends on
 * the goods: a phone or a computer is exchanged (《移动电话机商品修理更换退货责任规定》第十三条;
 * 《微型计算机商品修理更换退货责任规定》第十三条), the 1995 goods are exchanged or refunded at the
 * customer's choice (《部分商品修理更换退货责任规定》第十一条, 第十三条). A main component past the
 * unit's period is rule 5a's. A phone's exchange is for its main unit (第十三条: 移动电话机主机): a
 * claim on an accessory never gets it (a reason says why), and accessory repairs do not count
 * towards it. Otherwise other faults repaired twice are mentioned: one more failure would make it due.
 */
export const secondRepair: WarrantyRule = (c) => {
  if (!c.applicablePeriod || !c.periods) return null
  const claimCode = c.claim.faultCode
  const history = claimCode === null ? undefined : c.repeatedFaults.get(claimCode)
  if (claimCode !== null && history && isAccessory(c.policy, c.claim.component)) {
    c.reasons.push(
      reason('warranty.reason.accessoryNoUnitExchange', {
        component: c.claim.component ?? '',
        faultCode: claimCode,
        repairs: history.length
      })
    )
    return null
  }
  const repeated = history && mainUnitRepairs(c, history)
  // Within the unit's period, and within the claimed component's when it has a shorter one (a
  // phone's battery): a longer component period is rule 5a's.
  const periodEnd = c.applicablePeriod.end < c.periods.repairEnd ? c.applicablePeriod.end : c.periods.repairEnd
  if (repeated && claimCode !== null && c.today <= periodEnd) {
    const orRefund = c.policy.regulation === 'appliances_1995'
    c.reasons.push(
      reason(orRefund ? 'warranty.reason.secondRepairExchangeOrRefund' : 'warranty.reason.secondRepairRule', {
        faultCode: claimCode,
        repairs: repeated.length,
        lastReturnedDate: latest(repeated.map((r) => r.returnedDate ?? r.receivedDate)),
        periodEnd
      })
    )
    return { verdict: orRefund ? 'exchange_or_refund' : 'exchange', secondRepairRule: true }
  }
  for (const [code, list] of c.repeatedFaults) {
    const counted = mainUnitRepairs(c, list)
    if (code !== claimCode && counted)
      c.reasons.push(reason('warranty.reason.repeatFaultHistory', { faultCode: code, repairs: counted.length }))
  }
  return null
}

/**
 * 5a. A main component (主要部件) repaired twice under warranty fails again when the whole unit's
 * period is over but the component's is not → a new component, free, not a whole-unit exchange
 * (《微型计算机商品修理更换退货责任规定》第十条: 免费更换新的主要部件; the 1995 goods' annex gives
 * their main components the longer period, 《部分商品修理更换退货责任规定》第十一条 read with it).
 * A phone's components are accessories (附件), not main components.
 */
export const mainComponentRepairedTwice: WarrantyRule = (c) => {
  const component = c.applicablePeriod?.component
  if (!c.periods || !component || !hasMainComponents(c.policy)) return null
  if (c.today <= c.periods.repairEnd || c.today > component.end) return null
  const repairs = c.unit.repairs.filter(
    (r) => r.underWarranty && r.repaired !== false && r.returnedDate !== null && r.component === component.component
  )
  if (repairs.length < 2) return null
  c.reasons.push(
    reason('warranty.reason.mainComponentNewAfterTwoRepairs', {
      component: component.component,
      repairs: repairs.length,
      lastReturnedDate: latest(repairs.map((r) => r.returnedDate ?? r.receivedDate)),
      repairEnd: c.periods.repairEnd,
      end: component.end
    })
  )
  return { verdict: 'free_new_component', secondRepairRule: true }
}

/**
 * The repairs that count towards a whole-unit exchange: under the phone rules only the main
 * unit's (第十三条: 移动电话机主机 … 经两次修理), so repairs of an accessory are left out;
 * undefined when fewer than two remain.
 */
function mainUnitRepairs(c: WarrantyCase, repairs: RepairRecord[]): RepairRecord[] | undefined {
  const counted = repairs.filter((r) => !isAccessory(c.policy, r.component))
  return counted.length >= 2 ? counted : undefined
}

function latest(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a))
}
