import { defineMessages } from '../../i18n/defineMessages'

/** The 三包 refund at the counter, and the rule that allowed a refund or an exchange. */
export const warrantyRefundMessages = defineMessages(
  {
    warrantyRefund: {
      refundUnit: '办理退货',
      title: '退货',
      hint: '{serial} 按三包规定退货，依据：{rule}。',
      moneyHint:
        '货款由销售者按发票价格退还（符合换货条件而顾客选择退货的，对已使用的商品可按规定收取折旧费）；本店记录退货及其依据。',
      confirm: '确认退货',
      refunded: '已退货，本机的三包责任已经履行',
      refundedRow: '退货',
      refundedOn: '{date} 退货（{rule}）',
      exchangeRuleRow: '换货依据',
      // The windows' lengths are the policy's (7 and 15 days by law, longer where a brand grants it).
      rule: {
        refund_window: '退货期内性能故障退货',
        exchange_window: '换货期内性能故障换货',
        second_repair: '两次修理后仍不能正常使用',
        waiting_limit: '待修超过规定期限'
      }
    }
  },
  {
    warrantyRefund: {
      refundUnit: 'Refund',
      title: 'Refund',
      hint: '{serial} is given back for a 三包 refund, allowed by: {rule}.',
      moneyHint:
        'The seller refunds the invoice price (less depreciation for a used unit where an exchange was on offer and the customer chose the refund); the shop records the refund and its rule.',
      confirm: 'Confirm refund',
      refunded: 'Refunded; the 三包 duty for this unit is fulfilled',
      refundedRow: 'Refund',
      refundedOn: 'refunded {date} ({rule})',
      exchangeRuleRow: 'Exchange allowed by',
      rule: {
        refund_window: 'performance fault within the refund period',
        exchange_window: 'performance fault within the exchange period',
        second_repair: 'still failing after two repairs',
        waiting_limit: 'waited past the repair limit'
      }
    }
  }
)
