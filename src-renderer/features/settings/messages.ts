import { defineMessages } from '../../i18n/defineMessages'

export const settingsMessages = defineMessages(
  {
    shop: {
      name: '门店名称',
      address: '地址',
      phone: '电话',
      taxNumber: '纳税人识别号',
      logo: '门店标志',
      logoPick: '选择图片',
      logoRemove: '移除',
      logoHint: 'PNG、JPG 或 WebP，将打印在单据上',
      logoUnreadable: '无法读取该图片，请换一张',
      timeZone: '时区'
    },
    settings: {
      title: '门店设置',
      profile: '门店资料',
      security: '安全',
      idleLock: '无操作自动锁屏',
      idleLockHint: '0 表示不自动锁屏',
      passcodeRetention: '设备密码保留天数',
      passcodeRetentionHint:
        '工单结束（取机、取消或未修退回）后保留设备密码的天数，之后每日自动删除并记入审计；0 表示下次清理时即删除',
      minutes: '分钟',
      approvals: '审批',
      repairWarranty: '维修保修',
      repairWarrantyDays: '更换部件保修期',
      repairWarrantyHint: '付费维修中更换的部件自交付之日起享受的保修天数，保修查询会一并显示',
      days: '天',
      approvalThreshold: '店长审批额度',
      approvalThresholdHint: '报价总额或优惠超过此金额需店长审批；0 表示每笔都需审批',
      yuan: '元'
    }
  },
  {
    shop: {
      name: 'Shop name',
      address: 'Address',
      phone: 'Phone',
      taxNumber: 'Tax number',
      logo: 'Logo',
      logoPick: 'Choose image',
      logoRemove: 'Remove',
      logoHint: 'PNG, JPG or WebP; printed on documents',
      logoUnreadable: 'This image cannot be read; please choose another',
      timeZone: 'Time zone'
    },
    settings: {
      title: 'Shop settings',
      profile: 'Shop profile',
      security: 'Security',
      idleLock: 'Lock screen when idle for',
      idleLockHint: '0 turns auto-lock off',
      passcodeRetention: 'Keep device passcodes for',
      passcodeRetentionHint:
        'Days a device passcode is kept after the job ends (picked up, cancelled or returned unrepaired); a daily sweep then erases it and audits it; 0 erases it at the next sweep',
      minutes: 'minutes',
      approvals: 'Approvals',
      repairWarranty: 'Repair warranty',
      repairWarrantyDays: 'Replaced parts guaranteed for',
      repairWarrantyHint:
        'Days a part replaced in a paid repair is guaranteed from hand-over; the warranty lookup shows it',
      days: 'days',
      approvalThreshold: 'Manager approval above',
      approvalThresholdHint: 'A quote total or discount above this amount needs a manager; 0 means every one does',
      yuan: 'yuan'
    }
  }
)
