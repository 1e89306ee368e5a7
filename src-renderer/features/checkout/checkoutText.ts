import { useI18n } from 'vue-i18n'
import type { PaymentKind } from '../../../src-shared/contract'
import type { LineKind, Payer, PaymentMethod } from '../../../src-shared/domain/invoice'
import { formatFen, formatYuan } from '../../../src-shared/domain/money'
import { formatShopDateTime } from '../../../src-shared/domain/timeZone'
import { useSessionStore } from '../auth/sessionStore'
import type { TenderProblem } from './checkoutArithmetic'

/** Money on the checkout screens: "¥1,284.00", and money going back as "-¥12.00". */
export const yuan = formatYuan

/**
 * How methods, line kinds, payment kinds and times read on the checkout screens, and why what
 * was tendered does not settle what is due yet (at a work order's checkout and a counter sale;
 * the counter's narrow column names its own, shorter, message for non-cash over what is due).
 */
export function useCheckoutText() {
  const { t } = useI18n()
  const session = useSessionStore()
  return {
    methodLabel: (method: PaymentMethod) => t(`checkout.method.${method}`),
    lineKindLabel: (kind: LineKind) => t(`checkout.kind.${kind}`),
    /** Who pays a line, as the counter chooses it: the brand by name. */
    payerLabel: (payer: Payer, brand: string) =>
      payer === 'brand'
        ? t('checkout.payerBrand', { brand })
        : t(payer === 'shop' ? 'checkout.payerShop' : 'checkout.payerCustomer'),
    paymentKindLabel: (kind: PaymentKind) => t(`checkout.paymentKind.${kind}`),
    when: (iso: string | null) => (iso ? formatShopDateTime(iso, session.shopTimeZone) : ''),
    tenderProblemText(
      problem: TenderProblem,
      nonCashOverMessage: 'checkout.payment.nonCashOver' | 'counterSale.nonCashOver' = 'checkout.payment.nonCashOver'
    ): string {
      if (problem.kind === 'short') return t('checkout.payment.short', { amount: formatFen(problem.missingFen) })
      if (problem.kind === 'nonCashOver')
        return t(nonCashOverMessage, {
          nonCash: formatFen(problem.nonCashFen),
          due: formatFen(problem.dueFen)
        })
      return t('checkout.payment.badAmount')
    }
  }
}
