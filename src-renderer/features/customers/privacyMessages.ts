import { ERASED_CUSTOMER_NAMES } from '../../../src-shared/domain/erasedCustomer'
import { defineMessages } from '../../i18n/defineMessages'

/** A customer's rights over their personal data: a copy of it, and its erasure. */
export const customerPrivacyMessages = defineMessages(
  {
    customerPrivacy: {
      export: '导出个人信息',
      exported: '已导出 {fileName}',
      erase: '删除个人信息',
      eraseTitle: '删除 {name} 的个人信息',
      eraseErased:
        '将删除：姓名、手机和其他电话、地址、单位、备注、标签；工单上的设备密码和客户备注；回访时客户的意见和投诉内容；工单记录、投诉处理记录、未付款交机原因、操作日志中出现的姓名和电话。',
      eraseKept: '将保留：工单、设备、收据和收付款（金额与账目不变），回访评分和投诉状态，客户显示为“{erasedName}”。',
      eraseFinal: '删除后无法恢复，也无法再按姓名或电话找到此客户。如客户需要，请先导出其个人信息。',
      eraseConfirm: '删除个人信息',
      erased: '个人信息已删除',
      erasedBanner: '此客户的个人信息已于 {at} 应本人要求删除，工单和收付款记录保留。',
      erasedName: ERASED_CUSTOMER_NAMES['zh-CN']
    }
  },
  {
    customerPrivacy: {
      export: 'Export personal data',
      exported: 'Exported {fileName}',
      erase: 'Erase personal data',
      eraseTitle: "Erase {name}'s personal data",
      eraseErased:
        'Erased: the name, mobile and other phones, address, company, notes and tags; device passcodes and customer notes on their jobs; what they said on follow-up calls and in complaints; the name and phones wherever they appear in job records, complaint notes, unpaid hand-over reasons and the audit log.',
      eraseKept:
        'Kept: the work orders, devices, receipts and payments (amounts and books unchanged), follow-up scores and complaint statuses; the customer shows as "{erasedName}".',
      eraseFinal:
        'This cannot be undone, and the customer can no longer be found by name or phone. Export their personal data first if they asked for it.',
      eraseConfirm: 'Erase personal data',
      erased: 'Personal data erased',
      erasedBanner:
        "This customer's personal data was erased on their request on {at}; their jobs and payments are kept.",
      erasedName: ERASED_CUSTOMER_NAMES.en
    }
  }
)
