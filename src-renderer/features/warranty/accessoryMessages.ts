import { defineMessages } from '../../i18n/defineMessages'

/** A 三包 accessory exchanged or refunded at the counter, and the unit's record of them. */
export const warrantyAccessoryMessages = defineMessages(
  {
    warrantyAccessory: {
      exchange: {
        button: '更换配件',
        title: '三包更换配件',
        hint: '{serial} 的{component}在其三包期内出现性能故障：免费更换同品牌同型号同规格的新配件。新配件从库存出库，换下的故障配件记为故障件返还。',
        part: '新配件',
        confirm: '更换配件',
        done: '已更换配件，请打印换配件单交给顾客'
      },
      refund: {
        button: '退配件款',
        title: '三包退配件款',
        hint: '{serial} 的{component}已按三包更换两次，仍不能正常使用：退还该配件的价款（只退配件，不退手机）。换下的配件由本店收回。',
        part: '退款的配件',
        confirm: '确认退款',
        done: '已退配件款，请打印退配件单交给顾客'
      },
      partPlaceholder: '输入配件编号、名称或扫描条码',
      onHand: '库存 {n}',
      serial: '新配件序列号',
      faultySerial: '旧配件序列号',
      faultySerialHint: '旧配件上有序列号时填写',
      invoicePrice: '发票价格',
      invoicePriceHint: '单独购买的配件按发票价格退款；随机附带的留空，按目录售价 ¥{price} 退款。',
      method: '退款方式',
      history: '三包配件更换、退款记录',
      given: '配件已按三包办理：',
      givenItem: '{component}{kind}（{date}，{number}）',
      number: '单号',
      at: '时间',
      component: '配件',
      kind: '办理',
      kinds: { exchange: '更换', refund: '退款' },
      part: '配件编号 / 名称',
      amount: '退款',
      handledBy: '经办人',
      print: '打印'
    }
  },
  {
    warrantyAccessory: {
      exchange: {
        button: 'Exchange accessory',
        title: '三包 accessory exchange',
        hint: 'The {component} of {serial} has a performance fault within its own 三包 period: it is exchanged free for a new one of the same brand, model and specification. The new one leaves stock; the faulty one is booked as a faulty return.',
        part: 'New accessory',
        confirm: 'Exchange accessory',
        done: 'Accessory exchanged; print the slip for the customer'
      },
      refund: {
        button: 'Refund accessory',
        title: '三包 accessory refund',
        hint: 'The {component} of {serial} was exchanged twice under 三包 and still fails: its price is refunded (the accessory alone, not the phone). The shop keeps the faulty one.',
        part: 'Accessory refunded',
        confirm: 'Confirm refund',
        done: 'Accessory refunded; print the slip for the customer'
      },
      partPlaceholder: 'Part number, name or scan a barcode',
      onHand: '{n} on hand',
      serial: 'New accessory serial',
      faultySerial: 'Old accessory serial',
      faultySerialHint: 'When the old accessory has a serial',
      invoicePrice: 'Invoice price',
      invoicePriceHint:
        'An accessory bought on its own is refunded at its invoice price; one that came with the unit: leave empty, refunded at the catalogue price ¥{price}.',
      method: 'Refund by',
      history: '三包 accessory exchanges and refunds',
      given: 'Accessories already remedied under 三包: ',
      givenItem: '{component}: {kind} ({date}, {number})',
      number: 'No.',
      at: 'Time',
      component: 'Accessory',
      kind: 'Remedy',
      kinds: { exchange: 'Exchange', refund: 'Refund' },
      part: 'Part',
      amount: 'Refunded',
      handledBy: 'Handled by',
      print: 'Print'
    }
  }
)
