import { defineMessages } from '../../i18n/defineMessages'

/**
 * The verdict's reasons in plain words. `reason.*` renders every key of the domain's REASON_KEYS; the
 * view turns the raw params into words first (component and void-reason keys translated, `daysLeft`
 * as a phrase such as "还剩 12 天" / "今天是最后一天"), see warrantyText.ts.
 */
export const warrantyReasonMessages = defineMessages(
  {
    warranty: {
      voidReason: {
        physical_damage: '外力损坏',
        liquid_damage: '进液',
        third_party_repair: '第三方拆修',
        serial_tampered: '序列号或保修卡涂改、与机器不符'
      },
      reason: {
        startInvoice: '保修期自购机发票日期 {invoiceDate} 起算。',
        startProductionFallback:
          '没有购机发票：按生产日期 {productionDate} 之后 {fallbackDays} 天推算，保修期自 {start} 起算。',
        startExchangeRestart: '本机是 {exchangedOn} 换货所得的新机，保修期自换货之日重新起算。',
        exchangeWindowsFromSale:
          '退货、换货期按原机售出之日 {saleDate} 计算（退货至 {refundEnd}，换货至 {exchangeEnd}），不因换货重新起算。',
        exchangeSaleUnknown: '原机售出日期没有登记：本机不按退货、换货期处理。',
        startExchangeContinue:
          '本机是 {exchangedOn} 换货所得的新机，按政策延续原机的保修期，自原机起算日 {originalStartDate} 起算。',
        startExchangeOriginalUnknown:
          '本机是 {exchangedOn} 换货所得的新机，按政策延续原机的保修期，但原机的起算日没有登记，无法确定起始日期。',
        startUnknown: '既没有购机发票日期，也没有生产日期，无法确定保修起始日期；请核对发票后补登，不按过保处理。',
        startNoInvoiceNoSanbao: '没有有效发票和三包凭证：不实行三包，可以收费修理；没有保修截止日。',
        fallbackNotStarted: '没有发票：三包有效期自 {start} 才开始，在此之前出现的故障不在三包范围内。',
        noInvoiceRepairOnly: '没有发票：按规定只负责免费修理，不退货、不换货。',
        secondRepairExchangeOrRefund:
          '同一故障（{faultCode}）已在保修期内修理 {repairs} 次（最近一次 {lastReturnedDate} 修好交还），再次出现故障，由顾客选择换货或退货（整机保修期至 {periodEnd}）。',
        mainComponentNewAfterTwoRepairs:
          '{component}已在保修期内修理 {repairs} 次（最近一次 {lastReturnedDate} 交还），整机保修已于 {repairEnd} 到期、{component}保修至 {end}：免费更换新的{component}。',
        replacedBy: '本机已换货，由序列号 {serial} 的新机替换，保修随之转到新机，本机不再享受保修。',
        refunded: '本机已于 {refundedOn} 退货，三包责任已经履行，本机不再享受保修。',
        refundInsteadOfExchange:
          '符合换货条件的，顾客不愿换货而要求退货，应当予以退货（《部分商品修理更换退货责任规定》第十三条）。',
        repairExtension: '保修期内维修共占用 {days} 天（{repairs} 次保修维修），不计入三包有效期，保修截止日相应顺延。',
        noClaim: '未说明故障：按整机性能故障判定。',
        voidUnit: '接机时记录了"{reason}"：不实行三包，可以收费修理。',
        voidComponent: '接机时记录了{component}"{reason}"：该部件不实行三包，可以收费修理。',
        voidBeforePartReplaced:
          '{recordedOn} 记录的"{reason}"早于{component}在本店更换的日期 {replacedOn}，不影响本店对更换部件的维修保修。',
        refundWindow: '自 {start} 起 {refundDays} 日内出现性能故障可以退货，退货期至 {refundEnd}（{daysLeft}）。',
        exchangeWindow: '自 {start} 起 {exchangeDays} 日内出现性能故障可以换货，换货期至 {exchangeEnd}（{daysLeft}）。',
        appearanceNoRefundExchange:
          '外观问题不属于性能故障，即使在退货、换货期内（至 {exchangeEnd}）也不能退货或换货。',
        appearanceNotCovered: '外观问题不是规定所列的性能故障，不属于三包范围，也不在本店更换部件的维修保修范围内。',
        secondRepairRule:
          '同一故障（{faultCode}）已在保修期内修理 {repairs} 次（最近一次 {lastReturnedDate} 修好交还），再次出现故障，可以换货（整机保修期至 {periodEnd}）。',
        repeatFaultHistory:
          '提示：故障 {faultCode} 已在保修期内修理 {repairs} 次，若再次出现同一故障可以换货（家电可选退货）。',
        accessoryExchange:
          '{component}是手机附件，三包有效期 {months} 个月，至 {end}（{daysLeft}）：出现性能故障，免费更换同品牌同型号同规格的{component}。',
        accessoryRefund:
          '{component}已在三包期内更换 {exchanges} 次（最近一次 {lastReturnedDate} 交还）仍不能正常使用：{component}免费退货，单独购买的按发票价格退款，随机附带的按退货时单独销售的价格退款。',
        accessoryNotUnitWindows:
          '7 日退货、15 日换货（至 {exchangeEnd}）只适用于手机主机：{component}故障只更换{component}，不退换手机。',
        accessoryRemedyGiven: '{component}已于 {givenOn} 按三包{kind}（单号 {number}）。',
        accessoryRefunded:
          '{component}已于 {refundedOn} 按三包退货退款（单号 {number}）：其三包责任已履行，不再更换或退款；之后另购的{component}凭其自己的发票保修。',
        unitWindowsAfterAccessoryRemedy:
          '附件的三包更换、退款不影响手机主机自己的 7 日退货、15 日换货（《移动电话机商品修理更换退货责任规定》第十一、十二条针对主机）。',
        accessoryRefundDeducted:
          '{component}已退款 ¥{amount}（单号 {number}），店内已收回该附件：整机退货时从货款中扣除这笔已退金额，不重复退款。',
        accessoryNoUnitExchange:
          '{component}是手机附件：故障 {faultCode} 虽已修理 {repairs} 次，两次修理后换机只适用于主机；附件在其保修期内免费更换同型号的附件。',
        repairPeriod: '整机保修 {repairMonths} 个月，自 {start} 至 {repairEnd}（{daysLeft}），免费维修。',
        repairPeriodEnded: '整机保修已于 {repairEnd} 到期（已过 {daysSince} 天），需付费维修。',
        componentPeriod: '{component}保修 {months} 个月，至 {end}（{daysLeft}），免费维修。',
        componentPeriodEnded: '{component}保修已于 {end} 到期（已过 {daysSince} 天）。',
        partRepairWarranty:
          '{component}于 {replacedOn} 付费维修时更换，享有 {warrantyDays} 天维修保修，至 {end}（{daysLeft}），免费维修。',
        partRepairWarrantyEnded: '{component}更换后的维修保修已于 {end} 到期（已过 {daysSince} 天）。',
        faultDate: '按故障出现日期 {faultDate} 判定（今天是 {today}）。',
        waitingLimitReached:
          '{broughtIn} 送修，自 {since} 起{cause}；自送修之日起超过 {limitDays} 日未修好（{article}），自 {entitledOn} 起顾客可以换货。',
        waitingLimitAhead:
          '{broughtIn} 送修，自 {since} 起{cause}；自送修之日起超过 {limitDays} 日未修好即可换货（{article}），{entitledOn} 起可换（还有 {daysToGo} 天）。',
        waitingNoLimit: '{broughtIn} 送修，自 {since} 起{cause}；本类商品的规定对此不给换货，待修时间不计入三包有效期。'
      },
      waitingCause: {
        parts_not_supplied: '等待厂家供应配件',
        repairer_delay: '因维修方自身原因延误'
      },
      article: {
        goods_1995_art12: '《部分商品修理更换退货责任规定》第十二条',
        phones_2001_art16: '《移动电话机商品修理更换退货责任规定》第十六条',
        phones_2001_art17: '《移动电话机商品修理更换退货责任规定》第十七条',
        computers_2002_art23: '《微型计算机商品修理更换退货责任规定》第二十三条'
      }
    }
  },
  {
    warranty: {
      voidReason: {
        physical_damage: 'physical damage',
        liquid_damage: 'liquid damage',
        third_party_repair: 'opened or repaired by a third party',
        serial_tampered: 'serial or warranty card altered or not matching the unit'
      },
      reason: {
        startInvoice: 'The warranty runs from the invoice date, {invoiceDate}.',
        startProductionFallback:
          'No invoice: the start is {fallbackDays} days after the production date {productionDate}, i.e. {start}.',
        startExchangeRestart:
          'This unit replaced another on {exchangedOn}; its warranty restarts on the exchange date.',
        exchangeWindowsFromSale:
          'The refund and exchange windows count from the original sale on {saleDate} (refund until {refundEnd}, exchange until {exchangeEnd}); an exchange does not restart them.',
        exchangeSaleUnknown:
          'The original unit’s sale date is not recorded: no refund or exchange window for this unit.',
        startExchangeContinue:
          'This unit replaced another on {exchangedOn}; by policy it continues the earlier unit’s period, which started {originalStartDate}.',
        startExchangeOriginalUnknown:
          'This unit replaced another on {exchangedOn}; by policy it continues the earlier unit’s period, but that start was not recorded, so the start is unknown.',
        startUnknown:
          'Neither an invoice date nor a production date is recorded, so the start is unknown; check the invoice and record it. Not to be treated as out of warranty.',
        startNoInvoiceNoSanbao:
          'No valid invoice and no warranty card: no 三包, but it can be repaired for a fee; there is no warranty end.',
        fallbackNotStarted:
          'No invoice: the warranty period only starts on {start}; a fault before that day is not covered.',
        noInvoiceRepairOnly: 'No invoice: free repair only, never a refund or an exchange.',
        secondRepairExchangeOrRefund:
          'The same fault ({faultCode}) was repaired {repairs} times under warranty (last returned {lastReturnedDate}) and failed again: the customer chooses an exchange or a refund (unit warranty until {periodEnd}).',
        mainComponentNewAfterTwoRepairs:
          'The {component} was repaired {repairs} times under warranty (last returned {lastReturnedDate}); the unit warranty ended {repairEnd} but the {component}’s runs until {end}: a new {component}, free of charge.',
        replacedBy:
          'This unit was replaced in an exchange by the unit with serial {serial}; its warranty passed to that unit, so this one is no longer covered.',
        refunded:
          'This unit was given back for a refund on {refundedOn}; the 三包 duty is fulfilled and it is no longer covered.',
        refundInsteadOfExchange:
          'A customer entitled to an exchange who asks for a refund instead must be refunded (1995 rules for some goods, art. 13).',
        repairExtension:
          '{days} day spent in warranty repair (repairs: {repairs}) does not count: the warranty ends that much later. | {days} days spent in warranty repair (repairs: {repairs}) do not count: the warranty ends that much later.',
        noClaim: 'No fault described: judged as a performance fault of the whole unit.',
        voidUnit: 'Recorded at check-in: {reason}. No 三包 for this unit, but it can be repaired for a fee.',
        voidComponent:
          'Recorded at check-in for the {component}: {reason}. No 三包 for that component, but it can be repaired for a fee.',
        voidBeforePartReplaced:
          'Recorded on {recordedOn}: {reason}. That was before the shop replaced the {component} on {replacedOn}, so it does not void the repair warranty on the replaced part.',
        refundWindow:
          'A performance fault within {refundDays} days of {start} may be refunded; the refund window ends {refundEnd} ({daysLeft}).',
        exchangeWindow:
          'A performance fault within {exchangeDays} days of {start} may be exchanged; the exchange window ends {exchangeEnd} ({daysLeft}).',
        appearanceNoRefundExchange:
          'A cosmetic fault is not a performance fault: no refund or exchange, even within the windows (until {exchangeEnd}).',
        appearanceNotCovered:
          'A cosmetic fault is not one of the listed performance faults: outside 三包, and not under a replaced part’s repair warranty either.',
        secondRepairRule:
          'The same fault ({faultCode}) was repaired {repairs} times under warranty (last returned {lastReturnedDate}) and failed again: an exchange is due (unit warranty until {periodEnd}).',
        repeatFaultHistory:
          'Note: fault {faultCode} was repaired {repairs} times under warranty; one more failure of it entitles the customer to an exchange (for appliances, exchange or refund).',
        accessoryExchange:
          '{component} is a phone accessory with a {months}-month 三包 period until {end} ({daysLeft}): a performance fault gets a new one of the same brand, model and specification, free.',
        accessoryRefund:
          'The {component} was exchanged {exchanges} times under 三包 (last returned {lastReturnedDate}) and still fails: it is refunded, at its invoice price when bought alone, at its price sold alone today when it came with the phone.',
        accessoryNotUnitWindows:
          'The 7-day refund and 15-day exchange (until {exchangeEnd}) are for the phone’s main unit: a faulty {component} gets a new {component}, the phone is not refunded or exchanged.',
        accessoryRemedyGiven: '{component}: {kind} under 三包 on {givenOn} (slip {number}).',
        accessoryRefunded:
          'The {component} was refunded under 三包 on {refundedOn} (slip {number}): its 三包 is fulfilled, it is not exchanged or refunded again; a {component} bought since is covered by its own invoice.',
        unitWindowsAfterAccessoryRemedy:
          'An accessory’s 三包 exchange or refund leaves the phone’s own 7-day refund and 15-day exchange as they were (articles 11 and 12 of the mobile phone rules are the main unit’s).',
        accessoryRefundDeducted:
          'The {component} was already refunded ¥{amount} (slip {number}) and the shop kept it: the phone’s refund is its price less that amount, not paid twice.',
        accessoryNoUnitExchange:
          '{component} is a phone accessory: fault {faultCode} was repaired {repairs} times, but the exchange after two repairs is for the phone’s main unit only; within its own period the accessory is replaced with a new one of the same model, free.',
        repairPeriod:
          'Whole-unit warranty of {repairMonths} months from {start} to {repairEnd} ({daysLeft}): free repair.',
        repairPeriodEnded:
          'The whole-unit warranty ended {repairEnd} ({daysSince} day ago): paid repair. | The whole-unit warranty ended {repairEnd} ({daysSince} days ago): paid repair.',
        componentPeriod: '{component} warranty of {months} months until {end} ({daysLeft}): free repair.',
        componentPeriodEnded:
          'The {component} warranty ended {end} ({daysSince} day ago). | The {component} warranty ended {end} ({daysSince} days ago).',
        partRepairWarranty:
          'The {component} was replaced in a paid repair on {replacedOn} with a {warrantyDays}-day repair warranty until {end} ({daysLeft}): free repair.',
        partRepairWarrantyEnded:
          'The repair warranty on the replaced {component} ended {end} ({daysSince} day ago). | The repair warranty on the replaced {component} ended {end} ({daysSince} days ago).',
        faultDate: 'Judged on the day the fault appeared, {faultDate} (today is {today}).',
        waitingLimitReached:
          'Brought in on {broughtIn}; {cause} since {since}. Not repaired more than {limitDays} days after it was brought in ({article}): the customer may have an exchange from {entitledOn}.',
        waitingLimitAhead:
          'Brought in on {broughtIn}; {cause} since {since}. Unrepaired more than {limitDays} days after it was brought in, the customer may have an exchange ({article}): from {entitledOn} ({daysToGo} day to go). | Brought in on {broughtIn}; {cause} since {since}. Unrepaired more than {limitDays} days after it was brought in, the customer may have an exchange ({article}): from {entitledOn} ({daysToGo} days to go).',
        waitingNoLimit:
          'Brought in on {broughtIn}; {cause} since {since}. The rules for these goods give no exchange for this; the waiting days do not count against the warranty period.'
      },
      waitingCause: {
        parts_not_supplied: 'waiting for the maker to supply parts',
        repairer_delay: 'delayed by the repairer'
      },
      article: {
        goods_1995_art12: '1995 rules for some goods (部分商品), art. 12',
        phones_2001_art16: '2001 rules for mobile phones, art. 16',
        phones_2001_art17: '2001 rules for mobile phones, art. 17',
        computers_2002_art23: '2002 rules for computers, art. 23'
      }
    }
  }
)
