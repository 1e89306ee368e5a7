import { defineMessages } from '../i18n/defineMessages'

/** The words on the repair warranty slip: what was done, the period and the terms. */
export const printWarrantySlipMessages = defineMessages(
  {
    print: {
      warranty: {
        title: '维修保修单',
        invoice: '收据号',
        pickedUp: '交付时间',
        notPickedUp: '未交付',
        diagnosis: '检测结论',
        repaired: '维修内容',
        parts: '更换配件',
        partName: '配件名称',
        partNumber: '配件编号',
        quantity: '数量',
        labour: '维修项目',
        nothing: '无更换配件',
        noLabour: '无工时记录',
        period: '保修期',
        days: '{n} 天',
        fromTo: '{from} 至 {to}',
        fromHandOver: '自交付之日起 {n} 天',
        endsOn: '保修截止',
        termsTitle: '保修条款',
        terms: [
          '保修期内，本次更换的部件及维修项目出现同一故障，本店免费维修。',
          '人为损坏、进液、私自拆修或非本次维修部位的故障不在保修范围内。',
          '保修时请出示本保修单或工单号；保修期自交付之日起计算。',
          '厂家保修的设备，另按厂家保修政策执行。'
        ]
      }
    }
  },
  {
    print: {
      warranty: {
        title: 'Repair warranty slip',
        invoice: 'Receipt no.',
        pickedUp: 'Handed over',
        notPickedUp: 'Not yet handed over',
        diagnosis: 'Diagnosis',
        repaired: 'Work done',
        parts: 'Parts replaced',
        partName: 'Part',
        partNumber: 'Part no.',
        quantity: 'Qty',
        labour: 'Labour',
        nothing: 'No parts replaced',
        noLabour: 'No labour recorded',
        period: 'Warranty',
        days: '{n} days',
        fromTo: '{from} to {to}',
        fromHandOver: '{n} days from hand-over',
        endsOn: 'Warranty ends',
        termsTitle: 'Warranty terms',
        terms: [
          'Within the warranty period, the same fault in the replaced parts or repaired work is repaired free of charge.',
          'Damage by the user, liquid, repairs by others and faults elsewhere in the device are not covered.',
          'Show this slip or the work-order number for a warranty repair; the period runs from hand-over.',
          "Devices under the manufacturer's warranty are also covered by its own policy."
        ]
      }
    }
  }
)
