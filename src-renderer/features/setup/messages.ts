import { defineMessages } from '../../i18n/defineMessages'

export const setupMessages = defineMessages(
  {
    setup: {
      title: '首次使用：建立门店',
      intro: '请填写门店资料并创建第一个管理员账号。此账号用于登录和管理其他员工，请牢记密码。',
      shopSection: '门店资料',
      adminSection: '管理员账号',
      submit: '完成设置并登录',
      done: '设置完成，欢迎使用'
    }
  },
  {
    setup: {
      title: 'First run: set up your shop',
      intro:
        'Enter the shop profile and create the first administrator. This account signs in and manages the other staff; keep its password safe.',
      shopSection: 'Shop profile',
      adminSection: 'Administrator account',
      submit: 'Finish setup and sign in',
      done: 'Setup complete. Welcome!'
    }
  }
)
