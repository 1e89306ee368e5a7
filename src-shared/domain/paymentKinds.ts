export const PAYMENT_KINDS = ['deposit', 'payment', 'deposit_return', 'refund'] as const
export type PaymentKind = (typeof PAYMENT_KINDS)[number]

/** The kinds that hand money back, always a negative amount (migration 13's check on payments). */
export const moneyGoesBack = (kind: PaymentKind): boolean => kind === 'deposit_return' || kind === 'refund'
