import { defineMessages } from '../../i18n/defineMessages'

export const desksAdminMessages = defineMessages(
  {
    desksAdmin: {
      title: '店铺网络',
      lanTitle: '局域网连接',
      lanListening: '允许其他电脑通过局域网连接本机',
      lanOffHint: '关闭时只有本机可以使用；打开后，其他电脑需先配对才能连接。',
      listeningAt: '其他电脑连接地址',
      notListening: '未在局域网上监听',
      fingerprint: '证书指纹（SHA-256）',
      fingerprintHint: '配对时请核对其他电脑上显示的指纹与此处一致。',
      downloadCertificate: '下载证书',
      pairTitle: '配对新电脑',
      pairHint: '在要加入的电脑上输入本机地址和配对码。配对码只能使用一次，10 分钟内有效。',
      newCode: '生成配对码',
      pairNeedsLan: '请先打开“局域网连接”：关闭时其他电脑连不上本机，配对码无法使用。',
      codeValidUntil: '有效至 {time}',
      desksTitle: '已配对的电脑',
      noDesks: '还没有配对的电脑',
      name: '名称',
      pairedAt: '配对时间',
      lastSeenAt: '最近连接',
      never: '从未',
      status: '状态',
      active: '使用中',
      revoked: '已移除',
      rename: '改名',
      renameTitle: '修改电脑名称',
      revoke: '移除',
      revokeConfirm: '移除“{name}”后，它将无法再连接本机，需要重新配对。确定移除吗？',
      revokedDone: '已移除“{name}”',
      turnedOn: '已开始在局域网上监听',
      turnedOff: '已停止在局域网上监听'
    }
  },
  {
    desksAdmin: {
      title: 'Shop network',
      lanTitle: 'LAN connections',
      lanListening: 'Let other PCs connect to this one over the LAN',
      lanOffHint: 'While off, only this PC can use the app; when on, other PCs must pair before they can connect.',
      listeningAt: 'Address for other PCs',
      notListening: 'Not listening on the LAN',
      fingerprint: 'Certificate fingerprint (SHA-256)',
      fingerprintHint: 'When pairing, check that the other PC shows the same fingerprint as here.',
      downloadCertificate: 'Download certificate',
      pairTitle: 'Pair a new PC',
      pairHint: "On the PC to add, enter this PC's address and the pairing code. A code works once, for 10 minutes.",
      newCode: 'New pairing code',
      pairNeedsLan:
        'Switch LAN connections on first: while they are off, no other PC can reach this one to use a code.',
      codeValidUntil: 'Valid until {time}',
      desksTitle: 'Paired PCs',
      noDesks: 'No PC is paired yet',
      name: 'Name',
      pairedAt: 'Paired',
      lastSeenAt: 'Last seen',
      never: 'Never',
      status: 'Status',
      active: 'In use',
      revoked: 'Removed',
      rename: 'Rename',
      renameTitle: 'Rename this PC',
      revoke: 'Remove',
      revokeConfirm: 'Once "{name}" is removed it can no longer connect and must be paired again. Remove it?',
      revokedDone: 'Removed "{name}"',
      turnedOn: 'Now listening on the LAN',
      turnedOff: 'No longer listening on the LAN'
    }
  }
)
