import { defineMessages } from '../../i18n/defineMessages'

/**
 * Texts of repairs: statuses, service types, the fields of a job, the list, check-in, approvals and
 * the board. One work order's page has its own file, workOrderPageMessages.ts.
 */
export const repairsMessages = defineMessages(
  {
    status: {
      received: '已接收',
      diagnosing: '检测中',
      awaiting_approval: '报价阶段',
      awaiting_parts: '待配件',
      repairing: '维修中',
      quality_check: '质检中',
      ready_for_pickup: '待取机',
      picked_up: '已取机',
      cancelled: '已取消',
      returned_unrepaired: '未修退回'
    },
    /** What a job in the quote stage actually waits for (the server's `quoteWait`); the status alone
     * (报价阶段, a board column) does not say whose move it is. */
    quoteWait: {
      customer: '待客户确认报价',
      manager: '待店长审批',
      go_ahead: '报价已同意，待开工',
      customer_refused: '客户已拒绝报价',
      manager_rejected: '店长已驳回报价'
    },
    moveTo: {
      diagnosing: '开始检测',
      awaiting_parts: '等待配件',
      repairing: '开始维修',
      quality_check: '送质检',
      ready_for_pickup: '质检通过，通知取机',
      cancelled: '取消工单',
      returned_unrepaired: '不修退回',
      backToRepair: '质检不通过，退回维修'
    },
    serviceType: {
      warranty_repair: '保修维修',
      paid_repair: '付费维修',
      installation: '安装',
      inspection: '退换货检测',
      shop_warranty_repair: '本店保修维修'
    },
    channel: { walk_in: '到店', phone_booking: '电话预约', mail_in: '寄修' },
    accessory: {
      charger: '充电器',
      cable: '数据线',
      box: '包装盒',
      case: '保护壳',
      sim_card: 'SIM 卡',
      memory_card: '存储卡',
      remote_control: '遥控器'
    },
    condition: {
      scratches: '划痕',
      cracks: '裂痕 / 破损',
      liquidMarks: '进液痕迹',
      serialMismatch: '序列号或保修卡涂改、与机器不符',
      noneRecorded: '未记录外观问题',
      noAccessories: '无'
    },
    decisionChannel: { in_person: '当面', phone: '电话' },
    codeList: { symptom: '故障现象', fault_location: '故障部位', fault_cause: '故障原因' },

    fields: {
      number: '工单号',
      status: '状态',
      customer: '客户',
      mobile: '手机',
      device: '设备',
      serial: '序列号 / IMEI',
      technician: '技师',
      serviceType: '服务类型',
      channel: '接待方式',
      createdAt: '接收时间',
      promisedDate: '承诺完成',
      aging: '已耗时',
      days: '{n} 天',
      reportedFault: '客户描述故障',
      symptom: '故障现象',
      condition: '外观检查',
      conditionNote: '外观备注',
      accessories: '随机附件',
      accessoriesNote: '其他附件',
      passcode: '开机密码',
      passcodeConsent: '客户同意留存密码',
      passcodeHidden: '已留存（仅指派技师与店长可见）',
      passcodeNone: '未留存',
      estimate: '预估费用（元）',
      deposit: '预付定金（元）',
      claimCode: '取机码',
      closeReason: '关闭原因',
      reopenedFrom: '返修自',
      reopenedAs: '已返修为'
    },
    list: {
      searchPlaceholder: '工单号、取机码、客户、电话或序列号',
      allStatuses: '全部状态',
      anyTechnician: '全部技师',
      anyServiceType: '全部类型',
      overdueOnly: '只看逾期',
      mineOnly: '只看我的',
      queue: { promisedToday: '今日到期', comebacks: '返修', stuck: '{days} 天以上状态未变' },
      from: '接收日期从',
      to: '至',
      overdue: '逾期',
      unassigned: '未指派',
      aged: '已耗时 {n} 天'
    },
    intake: {
      title: '接待登记',
      customerSection: '客户',
      customerSearch: '输入姓名、拼音首字母或电话查找老客户',
      newCustomer: '新客户',
      noReturningCustomer: '没有找到老客户“{text}”，已填入下面',
      changeCustomer: '更换客户',
      otherPhone: '其他电话',
      duplicateFound: '手机号 {mobile} 已登记为 {name}',
      useExisting: '使用该客户',
      deviceSection: '设备',
      serialHint: '扫码或输入后按回车',
      deviceKnown: '已登记设备：{label}',
      deviceOtherOwner: '该设备登记在 {name} 名下，保存后将转到当前客户',
      freeComeback: '本机上次维修 {number} 于 {pickedUpOn} 取机，仍在本店维修保修期内（至 {end}）',
      freeComebackHint:
        '同一故障复发：请店长打开原工单点「返修（同一故障复发）」，由本店保修，客户免费。其他故障照常登记收费。',
      openEarlierJob: '打开 {number}',
      paidDespiteFree:
        '保修系统判定本机「{verdict}」，现在却登记为付费维修，客户会被收费。确属付费（如人为损坏、进液）请在故障描述中写明原因',
      paidDespiteFreeConfirm: '保修系统判定本机「{verdict}」，确定按付费维修登记吗？客户会被收费。',
      paidDespiteFreeSave: '按付费维修保存',
      paidDespiteFreeBack: '返回修改',
      deviceOnOpenJob: '这台设备还在店里：工单 {number}（{status}）尚未结束',
      deviceOnOpenJobHint: '同一台设备不能同时登记两张工单，保存会被拒绝。请打开该工单继续处理（取机、补充故障等）。',
      deviceNew: '新设备，请填写品牌和型号',
      customerDevices: '该客户的设备',
      jobSection: '维修信息',
      submit: '保存并生成工单',
      submitHint: '回车跳到下一项，Ctrl+回车保存',
      created: '工单已生成',
      createdHint: '请将取机码告知客户并打印在取机凭条上，此码只显示这一次。',
      openWorkOrder: '打开工单',
      another: '继续接待',
      draftKept: '接着上次未完成的登记：已填写的内容都保留着。',
      passcodeAskAgain: '开机密码不会保存在本机，请重新向客户询问并填写。',
      startOver: '清空重填',
      startOverConfirm: '清空这次登记已填写的全部内容？',
      startOverKeep: '保留',
      draftMark: '有未完成的登记'
    },
    approvals: { title: '待店长审批的报价', empty: '没有待审批的报价' },
    board: {
      title: '工单看板',
      more: '另有 {n} 单，请在列表中查看',
      age: '已收机 {n} 天',
      ageHint: '自收机之日起的天数（按门店日历）'
    }
  },
  {
    status: {
      received: 'Received',
      diagnosing: 'Diagnosing',
      awaiting_approval: 'Quote stage',
      awaiting_parts: 'Awaiting parts',
      repairing: 'Repairing',
      quality_check: 'Quality check',
      ready_for_pickup: 'Ready for pickup',
      picked_up: 'Picked up',
      cancelled: 'Cancelled',
      returned_unrepaired: 'Returned unrepaired'
    },
    quoteWait: {
      customer: 'Quote: awaiting customer',
      manager: 'Awaiting manager approval',
      go_ahead: 'Quote agreed: to start',
      customer_refused: 'Customer refused quote',
      manager_rejected: 'Manager rejected quote'
    },
    moveTo: {
      diagnosing: 'Start diagnosis',
      awaiting_parts: 'Wait for parts',
      repairing: 'Start repair',
      quality_check: 'Send to quality check',
      ready_for_pickup: 'Passed: ready for pickup',
      cancelled: 'Cancel order',
      returned_unrepaired: 'Return unrepaired',
      backToRepair: 'Failed: back to repair'
    },
    serviceType: {
      warranty_repair: 'Warranty repair',
      paid_repair: 'Paid repair',
      installation: 'Installation',
      inspection: 'Return/exchange inspection',
      shop_warranty_repair: 'Shop-warranty repair'
    },
    channel: { walk_in: 'Walk-in', phone_booking: 'Phone booking', mail_in: 'Mail-in' },
    accessory: {
      charger: 'Charger',
      cable: 'Cable',
      box: 'Box',
      case: 'Case',
      sim_card: 'SIM card',
      memory_card: 'Memory card',
      remote_control: 'Remote control'
    },
    condition: {
      scratches: 'Scratches',
      cracks: 'Cracks / damage',
      liquidMarks: 'Liquid marks',
      serialMismatch: 'Serial or warranty card altered or not matching the unit',
      noneRecorded: 'No marks recorded',
      noAccessories: 'None'
    },
    decisionChannel: { in_person: 'In person', phone: 'By phone' },
    codeList: { symptom: 'Symptom', fault_location: 'Fault location', fault_cause: 'Fault cause' },

    fields: {
      number: 'Number',
      status: 'Status',
      customer: 'Customer',
      mobile: 'Mobile',
      device: 'Device',
      serial: 'Serial / IMEI',
      technician: 'Technician',
      serviceType: 'Service type',
      channel: 'Channel',
      createdAt: 'Received',
      promisedDate: 'Promised',
      aging: 'Age',
      days: '{n} d',
      reportedFault: 'Reported fault',
      symptom: 'Symptom',
      condition: 'Condition on arrival',
      conditionNote: 'Condition note',
      accessories: 'Accessories left',
      accessoriesNote: 'Other accessories',
      passcode: 'Passcode',
      passcodeConsent: 'Customer agrees to leave the passcode',
      passcodeHidden: 'Kept (visible to the assigned technician and managers only)',
      passcodeNone: 'Not kept',
      estimate: 'Estimate (yuan)',
      deposit: 'Deposit (yuan)',
      claimCode: 'Claim code',
      closeReason: 'Reason closed',
      reopenedFrom: 'Comeback of',
      reopenedAs: 'Reopened as'
    },
    list: {
      searchPlaceholder: 'No., claim code, name, phone, serial',
      allStatuses: 'All statuses',
      anyTechnician: 'Any technician',
      anyServiceType: 'Any type',
      overdueOnly: 'Overdue only',
      mineOnly: 'Mine only',
      queue: { promisedToday: 'Promised today', comebacks: 'Comebacks', stuck: 'No change for {days}+ days' },
      from: 'Received from',
      to: 'to',
      overdue: 'Overdue',
      unassigned: 'Unassigned',
      aged: 'Age: {n} d'
    },
    intake: {
      title: 'Check-in',
      customerSection: 'Customer',
      customerSearch: 'Returning customer: name, pinyin initials or phone',
      newCustomer: 'New customer',
      noReturningCustomer: 'no returning customer matches “{text}”, so it is filled in below',
      changeCustomer: 'Change customer',
      otherPhone: 'Other phone',
      duplicateFound: 'Mobile {mobile} belongs to {name}',
      useExisting: 'Use this customer',
      deviceSection: 'Device',
      serialHint: 'Scan, or type and press Enter',
      deviceKnown: 'Known device: {label}',
      deviceOtherOwner: 'This device is registered to {name}; saving moves it to this customer',
      freeComeback:
        'Last repaired as {number}, collected {pickedUpOn}: still under the shop’s repair warranty (until {end})',
      freeComebackHint:
        'Same fault back: a manager opens that job and clicks “Reopen (same fault back)”; the shop’s warranty covers it, free to the customer. Any other fault: check in as usual.',
      openEarlierJob: 'Open {number}',
      paidDespiteFree:
        'The warranty registry says “{verdict}”, yet this is booked as a paid repair: the customer will be charged. If it really is paid (damage, liquid), say why in the fault description',
      paidDespiteFreeConfirm:
        'The warranty registry says “{verdict}”. Book it as a paid repair? The customer will be charged.',
      paidDespiteFreeSave: 'Save as paid repair',
      paidDespiteFreeBack: 'Go back',
      deviceOnOpenJob: 'This device is still in the shop: work order {number} ({status}) is not finished',
      deviceOnOpenJobHint:
        'A device cannot be on two work orders at once, so saving would be refused. Open that job to go on (pick-up, another fault…).',
      deviceNew: 'New device: enter brand and model',
      customerDevices: "Customer's devices",
      jobSection: 'Job',
      submit: 'Save and create work order',
      submitHint: 'Enter moves to the next field; Ctrl+Enter saves',
      created: 'Work order created',
      createdHint: 'Give the claim code to the customer and print it on the claim receipt; it is shown only this once.',
      openWorkOrder: 'Open work order',
      another: 'Next customer',
      draftKept: 'Carrying on with an unfinished check-in: everything entered so far is kept.',
      passcodeAskAgain: 'The device passcode is never kept on this desk: ask the customer for it again.',
      startOver: 'Start over',
      startOverConfirm: 'Clear everything entered for this check-in?',
      startOverKeep: 'Keep it',
      draftMark: 'Unfinished check-in'
    },
    approvals: { title: 'Quotes waiting for a manager', empty: 'No quotes waiting' },
    board: {
      title: 'Board',
      more: '{n} more; see the list',
      age: 'in for {n} d',
      ageHint: 'Days since it was brought in (shop calendar)'
    }
  }
)
