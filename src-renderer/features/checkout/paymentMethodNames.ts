import type { PaymentMethod } from '../../../src-shared/domain/invoice'

/**
 * The payment methods' names in each language: the screens (`checkout.method`) and the printed
 * documents (`print.method`) name a method from this one list, so a new method is named once.
 */
export const paymentMethodNames: Record<'zh-CN' | 'en', Record<PaymentMethod, string>> = {
  'zh-CN': {
    cash: '现金',
    bank_card: '银行卡',
    wechat_pay: '微信支付',
    alipay: '支付宝',
    bank_transfer: '银行转账'
  },
  en: {
    cash: 'Cash',
    bank_card: 'Bank card',
    wechat_pay: 'WeChat Pay',
    alipay: 'Alipay',
    bank_transfer: 'Bank transfer'
  }
}
