import { defineMessages } from '../i18n/defineMessages'

/** The words on the papers of a device's check-in: the claim receipt and the device label. */
export const printClaimReceiptMessages = defineMessages(
  {
    print: {
      claim: {
        title: '维修接机单',
        customerCopy: '客户联',
        shopCopy: '门店联',
        cutLine: '沿此线剪开',
        channel: '接待方式',
        fault: '故障描述',
        condition: '外观检查',
        accessories: '随机附件',
        estimate: '预估费用',
        deposit: '预付定金',
        promisedDate: '承诺完成',
        notPromised: '待定',
        claimCode: '取机码',
        claimCodeHint: '凭本单或取机码取机，请妥善保管',
        claimCodeCounterOnly: '取机码请到前台打印',
        receivedBy: '接待人员',
        technician: '维修技师',
        unassigned: '待分配',
        passcodeKept: '客户同意留存开机密码（密码不打印）',
        confirmation: '本人确认以上设备、外观及附件记录无误，并同意服务条款。',
        signature: '客户签名',
        signDate: '日期',
        termsTitle: '服务条款',
        terms: [
          '检测后如需付费维修，本店先报价，经客户同意后方可维修；预估费用仅供参考。',
          '请在维修前自行备份设备数据，维修过程中数据丢失本店不承担责任。',
          '设备修好通知取机后超过 90 天未取，本店将按有关规定处理。',
          '取机时请出示本单或报取机码；单据遗失请本人携带身份证件办理。',
          '非保修范围内的维修，更换部件享有本店维修保修。'
        ]
      },
      label: {
        dateIn: '收'
      }
    }
  },
  {
    print: {
      claim: {
        title: 'Repair claim receipt',
        customerCopy: 'Customer copy',
        shopCopy: 'Shop copy',
        cutLine: 'Cut here',
        channel: 'Channel',
        fault: 'Reported fault',
        condition: 'Condition',
        accessories: 'Accessories',
        estimate: 'Estimate',
        deposit: 'Deposit',
        promisedDate: 'Promised',
        notPromised: 'To be confirmed',
        claimCode: 'Claim code',
        claimCodeHint: 'Bring this receipt or the claim code to collect the device',
        claimCodeCounterOnly: 'The counter prints the claim code',
        receivedBy: 'Received by',
        technician: 'Technician',
        unassigned: 'Not assigned',
        passcodeKept: 'The customer agreed to leave the passcode (not printed)',
        confirmation:
          'I confirm the device, its condition and accessories as recorded and accept the terms of service.',
        signature: 'Customer signature',
        signDate: 'Date',
        termsTitle: 'Terms of service',
        terms: [
          'Paid repairs are quoted after diagnosis and done only once the customer agrees; the estimate is a guide.',
          'Please back up your data before the repair; the shop is not liable for data lost during repair.',
          'Devices not collected within 90 days of the ready notice are handled as the regulations provide.',
          'Show this receipt or the claim code at collection; if it is lost, bring your ID in person.',
          "Parts replaced in a paid repair carry the shop's repair warranty."
        ]
      },
      label: {
        dateIn: 'In'
      }
    }
  }
)
