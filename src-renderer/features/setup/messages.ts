import { defineMessages } from '../../i18n/defineMessages'

export const setupMessages = defineMessages(
  {
    setup: {
      title: '首次使用：建立门店',
      intro: '请填写门店资料并创建第一个管理员账号。此账号用于登录和管理其他员工，请牢记密码。',
      shopSection: '门店资料',
      adminSection: '管理员账号',
      warrantySection: '起始保修政策',
      legalMinimum: '国家三包法定最低标准',
      legalMinimumHint:
        '各品类按三包规定预置：退货、换货期，整机与主要部件保修期，无发票时的处理。设置完成后，管理员可在“保修政策”中录入品牌政策，也可补录开业前已生效的版本。',
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
      warrantySection: 'Starting warranty policy',
      legalMinimum: 'National 三包 legal minimum',
      legalMinimumHint:
        'Every category starts with the regulations: refund and exchange windows, unit and main-component periods, what a unit without invoice gets. Afterwards an administrator can enter the brand’s policies under Warranty policies, including versions in force before the shop started with the app.',
      submit: 'Finish setup and sign in',
      done: 'Setup complete. Welcome!'
    }
  }
)
