import { defineMessages } from '../../i18n/defineMessages'

/** The complaints, follow-up calls and payments listed on a customer's file. */
export const customerHistoryMessages = defineMessages(
  {
    customerHistory: {
      latestOnly: '仅显示最近 {count} 条',
      showAll: '查看全部',
      complaints: '投诉',
      noComplaints: '尚无投诉',
      complaintNumber: '投诉单号',
      openedAt: '投诉时间',
      source: '来源',
      handledBy: '处理人',
      followUps: '回访',
      noFollowUps: '尚无回访',
      calledAt: '回访时间',
      dueOn: '应于 {date} 回访',
      reached: '接通',
      reachedYes: '已接通',
      reachedNo: '未接通',
      notCalled: '未回访',
      score: '评分',
      calledBy: '回访人',
      payments: '收款与退款',
      noPayments: '尚无收付款记录',
      paidAt: '时间',
      document: '单据号',
      kind: '类型',
      method: '方式',
      amount: '金额',
      workOrder: '工单',
      counterSale: '柜台销售',
      matchedByName: '按姓名',
      matchedByNameHint: '早先的柜台销售只记了姓名；店里没有别的同名顾客，所以列在这里'
    }
  },
  {
    customerHistory: {
      latestOnly: 'Showing the latest {count}',
      showAll: 'Show all',
      complaints: 'Complaints',
      noComplaints: 'No complaints',
      complaintNumber: 'Complaint no.',
      openedAt: 'Opened',
      source: 'Source',
      handledBy: 'Handled by',
      followUps: 'Follow-up calls',
      noFollowUps: 'No follow-up calls',
      calledAt: 'Called',
      dueOn: 'Due {date}',
      reached: 'Reached',
      reachedYes: 'Reached',
      reachedNo: 'Not reached',
      notCalled: 'Not called yet',
      score: 'Score',
      calledBy: 'Called by',
      payments: 'Payments and refunds',
      noPayments: 'No payments',
      paidAt: 'Date',
      document: 'Document no.',
      kind: 'Kind',
      method: 'Method',
      amount: 'Amount',
      workOrder: 'Work order',
      counterSale: 'Counter sale',
      matchedByName: 'By name',
      matchedByNameHint:
        'An earlier counter sale kept only a name; no other customer on record has it, so it is listed here'
    }
  }
)
