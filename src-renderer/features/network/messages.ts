import { defineMessages } from '../../i18n/defineMessages'

export const networkMessages = defineMessages(
  {
    network: {
      unreachable: '店铺服务器无法连接，自 {since} 起，正在重试',
      unreachableHint: '已填写的内容会保留，连接恢复后再保存。',
      installKind: '这台电脑的用途',
      keepsData: '本机保存门店数据',
      keepsDataHint: '这台电脑就是店铺服务器：门店的数据保存在这里，其他工位连接到它。只有一台电脑的门店选这一项。',
      connects: '连接到店铺服务器',
      connectsHint: '店里已有一台电脑保存门店数据：这台电脑作为工位连接到它。',
      pairTitle: '连接到店铺服务器',
      pairIntro:
        '请管理员在店铺服务器上打开“设置 → 工位”，点“显示配对码”（10 分钟内有效），在这里输入配对码，并为本工位起个名字。',
      serverAddress: '店铺服务器地址',
      pairingCode: '配对码',
      deskName: '工位名称',
      deskNamePlaceholder: '例如：前台2、仓库',
      pairSubmit: '配对并连接',
      paired: '已连接到店铺服务器，请登录',
      revoked: '管理员已停用本工位，请重新配对。',
      orKeepData: '门店的数据要保存在这台电脑上？',
      keepDataHere: '本机保存门店数据（首次设置）',
      thisDesk: '本机',
      thisDeskHint: '这台电脑作为工位连接店铺服务器时，配对凭据保存在本机。改为连接其他店铺服务器后，需要重新配对。',
      changeServer: '改为连接其他店铺服务器…',
      changeServerWarning:
        '本工位将忘记当前的配对凭据，并回到配对页面；店铺服务器上的数据不受影响。正在填写的内容会丢失。确定继续吗？',
      changeServerConfirm: '忘记配对并继续'
    }
  },
  {
    network: {
      unreachable: 'The shop server cannot be reached since {since}; retrying',
      unreachableHint: 'What you have typed is kept; save it once the connection is back.',
      installKind: 'What this PC is for',
      keepsData: "This PC keeps the shop's data",
      keepsDataHint:
        "This PC is the shop server: the shop's data is kept here and the other desks connect to it. A one-PC shop chooses this.",
      connects: 'Connect to the shop server',
      connectsHint: "Another PC in the shop keeps the shop's data: this PC connects to it as a desk.",
      pairTitle: 'Connect to the shop server',
      pairIntro:
        'Ask an admin to open Settings → Desks on the shop server and press "Show pairing code" (valid for 10 minutes); enter the code here and name this desk.',
      serverAddress: 'Shop server address',
      pairingCode: 'Pairing code',
      deskName: 'Desk name',
      deskNamePlaceholder: 'e.g. Front desk 2, Warehouse',
      pairSubmit: 'Pair and connect',
      paired: 'Connected to the shop server. Please sign in.',
      revoked: 'An admin revoked this desk. Pair it again.',
      orKeepData: "Should the shop's data be kept on this PC?",
      keepDataHere: "This PC keeps the shop's data (first-run setup)",
      thisDesk: 'This desk',
      thisDeskHint:
        'When this PC works as a desk of a shop server, its pairing credential is kept here. Connecting it to another shop server means pairing again.',
      changeServer: 'Connect to another shop server…',
      changeServerWarning:
        'This desk will forget its pairing credential and go back to the pairing screen; the data on the shop server is not touched. Anything being typed is lost. Continue?',
      changeServerConfirm: 'Forget pairing and continue'
    }
  }
)
