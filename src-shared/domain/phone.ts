/** Digits only, with a leading +86 / 0086 country code dropped: how phones are stored and compared. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/\D/g, '')
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2)
  if (digits.length === 15 && digits.startsWith('0086')) return digits.slice(4)
  return digits
}

/** A mainland China mobile number: 11 digits starting with 1 and a second digit of 3–9. */
export function isMainlandMobile(input: string): boolean {
  // Written with another country's code (+1 415…, 0044…), it is not a mainland number whatever its digits.
  const compact = input.replace(/[\s\-()]/g, '')
  if (/^(\+|00)/.test(compact) && !/^(\+|00)86/.test(compact)) return false
  return /^1[3-9]\d{9}$/.test(normalizePhone(input))
}
