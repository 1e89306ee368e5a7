/**
 * UUIDv7 (RFC 9562): time-ordered, so rows created together sort together and index well,
 * and unique across shops so records can sync to HQ without renumbering.
 *
 * Ids made in the same millisecond (an audit row and its change, say) stay in creation order:
 * the 12-bit `rand_a` field is used as a counter within a millisecond (RFC 9562, method 1),
 * which keeps order for up to 4096 ids a millisecond.
 */
let lastMs = -1
let counter = 0

export function uuidv7(now: number = Date.now()): string {
  // A clock that moved back (or a test's clock) simply starts a new millisecond's count.
  counter = now === lastMs ? (counter + 1) & 0xfff : 0
  lastMs = now

  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let remaining = now
  for (let i = 5; i >= 0; i--) {
    bytes[i] = remaining % 256
    remaining = Math.floor(remaining / 256)
  }
  bytes[6] = 0x70 | (counter >> 8) // version 7, counter high bits
  bytes[7] = counter & 0xff
  bytes[8] = (bytes[8]! & 0x3f) | 0x80 // RFC variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
