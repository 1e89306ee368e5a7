import { defineMessages } from '../../i18n/defineMessages'

export const auditMessages = defineMessages(
  {
    audit: {
      title: '操作日志',
      at: '时间',
      actor: '操作人',
      action: '操作',
      entity: '对象',
      details: '详情',
      before: '修改前',
      after: '修改后',
      system: '系统',
      from: '开始日期',
      to: '结束日期',
      actionNames: {
        setup_initialize: '初始化门店',
        auth_signIn: '登录',
        auth_signOut: '退出登录',
        auth_lockedOut: '账号因多次密码错误被锁定',
        auth_changePassword: '修改本人密码',
        users_create: '新建用户',
        users_update: '修改用户',
        users_disable: '停用用户',
        users_enable: '启用用户',
        users_resetPassword: '重置密码',
        settings_update: '修改门店设置'
      },
      entities: { user: '用户', shop: '门店' }
    },
  },
  {
    audit: {
      title: 'Audit log',
      at: 'Time',
      actor: 'By',
      action: 'Action',
      entity: 'Record',
      details: 'Details',
      before: 'Before',
      after: 'After',
      system: 'System',
      from: 'From',
      to: 'To',
      actionNames: {
        setup_initialize: 'Shop set up',
        auth_signIn: 'Signed in',
        auth_signOut: 'Signed out',
        auth_lockedOut: 'Account locked after wrong passwords',
        auth_changePassword: 'Changed own password',
        users_create: 'User created',
        users_update: 'User changed',
        users_disable: 'User disabled',
        users_enable: 'User enabled',
        users_resetPassword: 'Password reset',
        settings_update: 'Shop settings changed'
      },
      entities: { user: 'User', shop: 'Shop' }
    },
  }
)
