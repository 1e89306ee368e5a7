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
      decision: { approved: '已批准', rejected: '已拒绝', moreInfo: '需补充材料' }
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
      decision: { approved: 'Approved', rejected: 'Rejected', moreInfo: 'More information asked' }
    }
  }
)
