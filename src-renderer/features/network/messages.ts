import { defineMessages } from '../../i18n/defineMessages'

export const networkMessages = defineMessages(
  {
    network: {
      unreachable: '店铺服务器无法连接，自 {since} 起，正在重试',
      unreachableHint: '已填写的内容会保留，连接恢复后再保存。'
    }
  },
  {
    network: {
      unreachable: 'The shop server cannot be reached since {since}; retrying',
      unreachableHint: 'What you have typed is kept; save it once the connection is back.'
    }
  }
)
