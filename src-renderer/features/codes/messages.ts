import { SEEDED_CODE_LABELS } from '../../../src-shared/domain/seededCodes'
import { defineMessages } from '../../i18n/defineMessages'

export const codesMessages = defineMessages(
  {
    codes: {
      title: '故障代码',
      hint: '检测与接待时从这些列表中选择；停用的代码不再供选择，已有工单中的记录保持不变。',
      add: '新增代码',
      edit: '编辑代码',
      code: '代码',
      codeHint: '字母、数字、_ 或 -；保存后不能修改',
      label: '名称',
      active: '启用',
      sortOrder: '排序',
      sortOrderHint: '数字小的排在前面',
      empty: '该列表还没有代码',
      added: '代码已添加',
      voidsWarranty: '使保修失效',
      doesNotVoid: '否',
      voidsAs: '是：{reason}',
      voidsWarrantyHint: '检测时选用此故障原因的工单，整机不再享受保修，保修查询会写明原因',
      voidsOnlyFaultCause: '只有故障原因可以使保修失效',
      seededHint: '系统预置的名称，按各人所选语言显示；改写后所有语言都显示您写的名称',
      // The names of the codes seeded at first start, while unedited: in Chinese, the seeded labels themselves.
      seeded: SEEDED_CODE_LABELS
    }
  },
  {
    codes: {
      title: 'Fault codes',
      hint: 'Intake and diagnosis pick from these lists; an inactive code is no longer offered, but work orders that used it keep it.',
      add: 'New code',
      edit: 'Edit code',
      code: 'Code',
      codeHint: 'Letters, digits, _ or -; fixed once saved',
      label: 'Label',
      active: 'Active',
      sortOrder: 'Order',
      sortOrderHint: 'Lower numbers come first',
      empty: 'This list has no codes yet',
      added: 'Code added',
      voidsWarranty: 'Voids the warranty',
      doesNotVoid: 'No',
      voidsAs: 'Yes: {reason}',
      voidsWarrantyHint:
        'A job diagnosed with this cause loses the whole unit’s warranty; the warranty lookup says why',
      voidsOnlyFaultCause: 'Only a fault cause can void the warranty',
      seededHint:
        'The app’s own name, shown in each reader’s language; a name you write is shown as written in every language',
      seeded: {
        symptom: {
          S01: 'Won’t power on / won’t start',
          S02: 'No picture or faulty display',
          S03: 'Touch not responding',
          S04: 'Won’t charge / charges slowly',
          S05: 'Short battery life / swollen battery',
          S06: 'Liquid or damp damage',
          S07: 'No signal / call problems',
          S08: 'No sound / noise',
          S09: 'Camera fault',
          S10: 'Restarts or freezes',
          S11: 'Not cooling / cools poorly',
          S12: 'Leaks water',
          S13: 'Abnormal noise / strong vibration',
          S99: 'Other'
        },
        fault_location: {
          L01: 'Main board',
          L02: 'Screen assembly',
          L03: 'Battery',
          L04: 'Charging port / dock connector',
          L05: 'Camera module',
          L06: 'Speaker / earpiece',
          L07: 'Buttons / flex cable',
          L08: 'Power board',
          L09: 'Compressor',
          L10: 'Motor',
          L11: 'Software / system',
          L99: 'Other part'
        },
        fault_cause: {
          C01: 'Component wear-out / failure',
          C02: 'Manufacturing defect',
          C03: 'Liquid corrosion',
          C04: 'Impact / drop',
          C05: 'Improper use',
          C06: 'Software fault',
          C07: 'Third-party repair',
          C08: 'No fault found',
          C99: 'Other cause'
        }
      }
    }
  }
)
