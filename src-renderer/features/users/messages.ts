import { defineMessages } from '../../i18n/defineMessages'

export const usersMessages = defineMessages(
  {
    users: {
      title: '用户管理',
      create: '新建用户',
      edit: '编辑用户',
      username: '用户名',
      displayName: '姓名',
      phone: '电话',
      role: '角色',
      password: '初始密码',
      status: '状态',
      active: '正常',
      disabled: '已停用',
      lockedOut: '已锁定',
      lastSignIn: '最近登录',
      never: '从未登录',
      disable: '停用',
      enable: '启用',
      resetPassword: '重置密码',
      resetFor: '为 {name} 设置新密码',
      resetDone: '密码已重置，该用户需用新密码重新登录',
      created: '用户已创建',
      disableConfirm: '确定停用 {name}？停用后该用户将立即退出且无法登录。',
      enableConfirm: '确定启用 {name}？',
      searchPlaceholder: '姓名、用户名或电话',
      includeDisabled: '显示已停用'
    }
  },
  {
    users: {
      title: 'Users',
      create: 'New user',
      edit: 'Edit user',
      username: 'User name',
      displayName: 'Name',
      phone: 'Phone',
      role: 'Role',
      password: 'Initial password',
      status: 'Status',
      active: 'Active',
      disabled: 'Disabled',
      lockedOut: 'Locked out',
      lastSignIn: 'Last sign-in',
      never: 'Never',
      disable: 'Disable',
      enable: 'Enable',
      resetPassword: 'Reset password',
      resetFor: 'Set a new password for {name}',
      resetDone: 'Password reset; the user must sign in again with the new password',
      created: 'User created',
      disableConfirm: 'Disable {name}? They are signed out at once and can no longer sign in.',
      enableConfirm: 'Enable {name}?',
      searchPlaceholder: 'Name, user name or phone',
      includeDisabled: 'Show disabled'
    }
  }
)
