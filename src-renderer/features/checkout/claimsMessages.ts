import { defineMessages } from '../../i18n/defineMessages'

export const claimsMessages = defineMessages(
  {
    claims: {
      title: '保修索赔',
      intro: '保修维修结账时生成的索赔，同步到总部后由总部审核；审核结果会自动同步回来。',
      empty: '没有索赔',
      allStatuses: '全部状态',
      workOrder: '工单',
      invoice: '结算单',
      amount: '索赔金额',
      state: '状态',
      reason: '总部意见',
      approvedAmount: '核准 ¥{amount}',
      status: { open: '待上传', submitted: '总部审核中', paid: '已结算', rejected: '已拒绝' },
      decision: { approved: '已批准', rejected: '已拒绝', moreInfo: '需补充材料' },
      // A shop outside a brand network files its claims with the brand itself.
      introShop:
        '保修维修结账时生成的索赔记录在这里。本店没有接入品牌总部，索赔不会自动上传：请自行向品牌申报，再由店长在这里记下申报、付款或拒绝。',
      shopStatus: { open: '待向品牌申报', submitted: '已向品牌申报', paid: '品牌已付款', rejected: '品牌已拒绝' },
      // The reports' words, true both for claims HQ carries and for claims the shop files itself.
      reportStatus: { open: '未申报', submitted: '申报中', paid: '已结算', rejected: '已拒绝' },
      shopRecord: '申报记录',
      paidAmount: '实付 ¥{amount}',
      recordedBy: '{name} 记录',
      actions: '操作',
      step: { submitted: '已申报', paid: '已付款', rejected: '被拒绝', correctPaid: '更正实付' },
      dialog: {
        submitted: '记录：已向品牌申报',
        paid: '记录：品牌已付款',
        rejected: '记录：品牌拒绝了索赔',
        claimed: '工单 {workOrder} · 索赔金额 ¥{amount}',
        submittedNote: '品牌的索赔单号或说明（可不填）',
        paidNote: '说明（可不填）',
        rejectedNote: '拒绝原因',
        paidFen: '品牌实付金额（元）'
      },
      recorded: '已记录',
      daysFrom: '索赔日期从',
      daysTo: '至',
      toFile: '所选日期内有 {count} 笔索赔待向品牌申报，共 ¥{amount}。',
      chooseDaysToFile: '共有 {count} 笔索赔待向品牌申报：选择日期（如上个月）后可导出索赔单，并一次记为已申报。',
      fileAll: {
        button: '全部记为已申报…',
        title: '记录：本期索赔已向品牌申报',
        summary: '{from} 至 {to} 待申报的 {count} 笔索赔，共 ¥{amount}，将全部记为“已向品牌申报”。',
        note: '品牌的索赔批次号或说明（可不填）',
        done: '已记录 {count} 笔索赔为已申报'
      },
      sheet: {
        export: '导出索赔单',
        title: '保修索赔单',
        exported: '已导出 {fileName}',
        total: '合计',
        paid: '实付',
        partsSeparator: '；',
        columns: {
          workOrderNumber: '工单号',
          invoiceNumber: '结算单号',
          claimedAt: '索赔时间',
          brand: '品牌',
          model: '型号',
          serial: '序列号',
          faultCode: '故障原因代码',
          faultLocationCode: '故障部位代码',
          component: '故障部件',
          parts: '更换配件',
          labourFen: '工时费（元）',
          partsFen: '配件费（元）',
          otherFen: '其他费用（元）',
          amountFen: '索赔金额（元）',
          status: '状态',
          shopRecord: '申报记录'
        }
      },
      movesWithHq: '本店已接入总部：索赔由总部审核，状态随同步自动更新，不能手工标记',
      stepNotAllowed: '这笔索赔现在不能这样标记（已付款的只能更正实付金额，被拒绝的可以重新申报）：请刷新后再看',
      toFileChanged:
        '所选日期内待申报的索赔已与刚才显示的不同（现在是 {count} 笔，共 ¥{amount}），没有记录任何一笔：列表已刷新，请核对后再记'
    }
  },
  {
    claims: {
      title: 'Warranty claims',
      intro:
        'Claims made when a warranty repair is checked out go to HQ with the sync; HQ reviews them and its decision comes back by itself.',
      empty: 'No claims',
      allStatuses: 'All statuses',
      workOrder: 'Work order',
      invoice: 'Invoice',
      amount: 'Claimed',
      state: 'Status',
      reason: "HQ's note",
      approvedAmount: 'approved ¥{amount}',
      status: { open: 'Not sent yet', submitted: 'With HQ', paid: 'Settled', rejected: 'Rejected' },
      decision: { approved: 'Approved', rejected: 'Rejected', moreInfo: 'More information asked' },
      introShop:
        'Claims made when a warranty repair is checked out are listed here. This shop is not connected to a brand network, so nothing is uploaded: file each claim with the brand yourself, and a manager records here when it was filed, paid or rejected.',
      shopStatus: {
        open: 'To file with the brand',
        submitted: 'Filed with the brand',
        paid: 'Paid by the brand',
        rejected: 'Rejected by the brand'
      },
      reportStatus: {
        open: 'Not filed yet',
        submitted: 'Filed, awaiting the answer',
        paid: 'Settled',
        rejected: 'Rejected'
      },
      shopRecord: 'Record',
      paidAmount: 'paid ¥{amount}',
      recordedBy: 'recorded by {name}',
      actions: 'Actions',
      step: { submitted: 'Filed', paid: 'Paid', rejected: 'Rejected', correctPaid: 'Correct amount' },
      dialog: {
        submitted: 'Record: filed with the brand',
        paid: 'Record: paid by the brand',
        rejected: 'Record: rejected by the brand',
        claimed: 'Work order {workOrder} · claimed ¥{amount}',
        submittedNote: "The brand's claim number or a note (optional)",
        paidNote: 'Note (optional)',
        rejectedNote: 'Why the brand rejected it',
        paidFen: 'Amount the brand paid (yuan)'
      },
      recorded: 'Recorded',
      daysFrom: 'Claims from',
      daysTo: 'to',
      toFile:
        '{count} claim from these days is still to file with the brand, ¥{amount}. | {count} claims from these days are still to file with the brand, ¥{amount} in all.',
      chooseDaysToFile:
        '{count} claim is still to file with the brand: choose the days (say, last month) to export the claim sheet and record it filed. | {count} claims are still to file with the brand: choose the days (say, last month) to export their claim sheet and record them filed at once.',
      fileAll: {
        button: 'Record all as filed…',
        title: "Record: this period's claims filed with the brand",
        summary:
          'The claim still to file from {from} to {to}, ¥{amount}, will be recorded as filed with the brand. | The {count} claims still to file from {from} to {to}, ¥{amount} in all, will be recorded as filed with the brand.',
        note: "The brand's batch number or a note (optional)",
        done: '{count} claim recorded as filed | {count} claims recorded as filed'
      },
      sheet: {
        export: 'Export claim sheet',
        title: 'Warranty claim sheet',
        exported: 'Exported {fileName}',
        total: 'Total',
        paid: 'paid',
        partsSeparator: '; ',
        columns: {
          workOrderNumber: 'Work order',
          invoiceNumber: 'Invoice',
          claimedAt: 'Claimed at',
          brand: 'Brand',
          model: 'Model',
          serial: 'Serial number',
          faultCode: 'Fault cause code',
          faultLocationCode: 'Fault location code',
          component: 'Faulty component',
          parts: 'Parts replaced',
          labourFen: 'Labour (yuan)',
          partsFen: 'Parts (yuan)',
          otherFen: 'Other charges (yuan)',
          amountFen: 'Claimed (yuan)',
          status: 'Status',
          shopRecord: 'Record'
        }
      },
      movesWithHq:
        'This shop is connected to HQ: HQ reviews its claims and their status follows by itself with the sync; it cannot be marked by hand',
      stepNotAllowed:
        'This claim cannot be marked so now (a paid claim only has its amount corrected; a rejected one may be filed again): refresh and look again',
      toFileChanged:
        'The claims to file on the chosen days are no longer the ones shown (now {count}, ¥{amount}), so none was recorded: the list is read again; check it and record again'
    }
  }
)
