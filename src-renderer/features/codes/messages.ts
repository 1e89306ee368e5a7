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
      codeTaken: '该列表中已有此代码，请直接编辑它',
      voidsWarranty: '使保修失效',
      doesNotVoid: '否',
      voidsAs: '是：{reason}',
      voidsWarrantyHint: '检测时选用此故障原因的工单，整机不再享受保修，保修查询会写明原因',
      voidsOnlyFaultCause: '只有故障原因可以使保修失效'
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
      codeTaken: 'This list already has that code; edit it instead',
      voidsWarranty: 'Voids the warranty',
      doesNotVoid: 'No',
      voidsAs: 'Yes: {reason}',
      voidsWarrantyHint:
        'A job diagnosed with this cause loses the whole unit’s warranty; the warranty lookup says why',
      voidsOnlyFaultCause: 'Only a fault cause can void the warranty'
    }
  }
)
