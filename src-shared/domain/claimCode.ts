/**
 * The code on the customer's claim receipt, asked for at pick-up. Six digits are quick to read
 * out at the counter; combined with the work order they identify, guessing one is 1 in a million.
 */
export function newClaimCode(): string {
  const values = new Uint32Array(1)
  globalThis.crypto.getRandomValues(values)
  return String(values[0]! % 1_000_000).padStart(6, '0')
}
