import { defineMessages } from '../../i18n/defineMessages'

export const authMessages = defineMessages(
  {
    signIn: {
      title: '员工登录',
      username: '用户名',
      password: '密码',
      submit: '登录',
      signedOut: '已退出登录'
    },
    lock: {
      title: '屏幕已锁定',
      hint: '{name}，请输入密码解锁',
      unlock: '解锁',
      switchUser: '切换用户',
      lockNow: '锁定屏幕'
    },
    account: {
      changePassword: '修改密码',
      signOut: '退出登录',
      currentPassword: '当前密码',
      newPassword: '新密码',
      confirmPassword: '再次输入密码',
      passwordMismatch: '两次输入的密码不一致',
      passwordChanged: '密码已修改'
    }
  },
  {
    signIn: {
      title: 'Staff sign-in',
      username: 'User name',
      password: 'Password',
      submit: 'Sign in',
      signedOut: 'Signed out'
    },
    lock: {
      title: 'Screen locked',
      hint: '{name}, enter your password to unlock',
      unlock: 'Unlock',
      switchUser: 'Switch user',
      lockNow: 'Lock screen'
    },
    account: {
      changePassword: 'Change password',
      signOut: 'Sign out',
      currentPassword: 'Current password',
      newPassword: 'New password',
      confirmPassword: 'Repeat password',
      passwordMismatch: 'The two passwords do not match',
      passwordChanged: 'Password changed'
    }
  }
)
