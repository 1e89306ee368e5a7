import type { DocumentType } from '../../src-shared/domain/paper'

/**
 * The printed documents' names in each language. The print page names them, and so does the audit
 * log, which records each print under its document: one list, so the two never name one differently.
 */
export const documentTypeNames: Record<'zh-CN' | 'en', Record<DocumentType, string>> = {
  'zh-CN': {
    claim_receipt: '接机单',
    device_label: '设备标签',
    payment_receipt: '收款收据',
    warranty_slip: '保修单',
    day_close_report: '日结报表',
    counter_receipt: '零售收据',
    accessory_slip: '三包配件单',
    packing_list: '旧件返还装箱单'
  },
  en: {
    claim_receipt: 'Claim receipt',
    device_label: 'Device label',
    payment_receipt: 'Payment receipt',
    warranty_slip: 'Warranty slip',
    day_close_report: 'Day-close report',
    counter_receipt: 'Counter sale receipt',
    accessory_slip: '三包 accessory slip',
    packing_list: 'Faulty-part packing list'
  }
}
