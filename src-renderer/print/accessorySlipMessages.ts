import { defineMessages } from '../i18n/defineMessages'

/** The words on the 三包 accessory slip: an accessory exchanged, or refunded after two exchanges. */
export const printAccessorySlipMessages = defineMessages(
  {
    print: {
      accessorySlip: {
        title: { exchange: '三包配件更换单', refund: '三包配件退货单' },
        number: '单号',
        time: '时间',
        unit: '机器',
        unitSerial: '机身串号',
        buyer: '购机人',
        accessory: '故障配件',
        faultCode: '故障代码',
        faultySerial: '旧配件序列号',
        newPart: '更换的新配件',
        newSerial: '新配件序列号',
        refundPart: '退货配件',
        amount: '退款金额',
        method: '退款方式',
        handledBy: '经办人',
        rule: {
          exchange:
            '依据三包规定，配件在其三包有效期内出现性能故障，免费更换同品牌同型号同规格的新配件；换下的故障配件由本店收回。配件更换两次后仍不能正常使用的，可凭本单办理配件退货。',
          refund:
            '依据三包规定，配件更换两次后仍不能正常使用的，退还该配件价款（随机附带的按退货时单独销售的价格，单独购买的按购买时所付价格），不退整机；换下的配件由本店收回。'
        },
        signCustomer: '顾客签字'
      }
    }
  },
  {
    print: {
      accessorySlip: {
        title: { exchange: '三包 accessory exchange', refund: '三包 accessory refund' },
        number: 'No.',
        time: 'Time',
        unit: 'Unit',
        unitSerial: 'Unit serial',
        buyer: 'Buyer',
        accessory: 'Faulty accessory',
        faultCode: 'Fault code',
        faultySerial: 'Old accessory serial',
        newPart: 'New accessory',
        newSerial: 'New accessory serial',
        refundPart: 'Accessory refunded',
        amount: 'Refunded',
        method: 'Refunded by',
        handledBy: 'Handled by',
        rule: {
          exchange:
            'Under 三包, an accessory with a performance fault within its own period is exchanged free for a new one of the same brand, model and specification; the shop keeps the faulty one. An accessory exchanged twice that still fails is refunded on this slip.',
          refund:
            'Under 三包, an accessory exchanged twice that still fails is refunded (one that came with the unit at its price sold alone on the day, one bought alone at the price paid for it), never the whole unit; the shop keeps the faulty one.'
        },
        signCustomer: 'Customer signature'
      }
    }
  }
)
