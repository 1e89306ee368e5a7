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
      at: '时间',
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
      movesWithHq: '本店已接入总部：索赔由总部审核，状态随同步自动更新，不能手工标记',
      stepNotAllowed: '这笔索赔现在不能这样标记（已付款的只能更正实付金额，被拒绝的可以重新申报）：请刷新后再看'
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
      at: 'When',
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
      movesWithHq:
        'This shop is connected to HQ: HQ reviews its claims and their status follows by itself with the sync; it cannot be marked by hand',
      stepNotAllowed:
        'This claim cannot be marked so now (a paid claim only has its amount corrected; a rejected one may be filed again): refresh and look again'
    }
  }
)
