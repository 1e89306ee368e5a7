import { defineMessages } from '../../i18n/defineMessages'

/** A 三包 accessory exchanged at the counter, and the unit's record of such exchanges. */
export const warrantyAccessoryMessages = defineMessages(
  {
    warrantyAccessory: {
      exchange: '更换配件',
      title: '三包更换配件',
      hint: '{serial} 的{component}在其三包期内出现性能故障：免费更换同品牌同型号同规格的新配件。新配件从库存出库，换下的故障配件记为故障件返还。',
      part: '新配件',
      partPlaceholder: '输入配件编号、名称或扫描条码',
      onHand: '库存 {n}',
      serial: '新配件序列号',
      faultySerial: '旧配件序列号',
      faultySerialHint: '旧配件上有序列号时填写',
      exchanged: '已更换配件，请打印换配件单交给顾客',
      history: '三包换配件记录',
      none: '本机没有在本店换过配件',
      number: '单号',
      at: '时间',
      component: '配件',
      newPart: '新配件',
      handledBy: '经办人',
      print: '打印'
    }
  },
  {
    warrantyAccessory: {
      exchange: 'Exchange accessory',
      title: '三包 accessory exchange',
      hint: 'The {component} of {serial} has a performance fault within its own 三包 period: it is exchanged free for a new one of the same brand, model and specification. The new one leaves stock; the faulty one is booked as a faulty return.',
      part: 'New accessory',
      partPlaceholder: 'Part number, name or scan a barcode',
      onHand: '{n} on hand',
      serial: 'New accessory serial',
      faultySerial: 'Old accessory serial',
      faultySerialHint: 'When the old accessory has a serial',
      exchanged: 'Accessory exchanged; print the slip for the customer',
      history: '三包 accessory exchanges',
      none: 'No accessory of this unit was exchanged at this shop',
      number: 'No.',
      at: 'Time',
      component: 'Accessory',
      newPart: 'New accessory',
      handledBy: 'Handled by',
      print: 'Print'
    }
  }
)
