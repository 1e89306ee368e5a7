/**
 * UUIDv7 (RFC 9562): time-ordered, so rows created together sort together and index well,
 * and unique across shops so records can sync to HQ without renumbering.
 *
 * Ids made in the same millisecond (an audit row and its change, say) stay in creation order:
 * the 12-bit `rand_a` field is used as a counter within a millisecond (RFC 9562, method 1); past
 * 4096 ids in one millisecond the time field moves on to the next millisecond (RFC 9562 6.2), so
 * order holds however fast ids are made.
 */
/** The millisecond in the last id's time field (ahead of the clock after an overflow). */
let lastMs = -1
/** The clock's reading at the last id. */
let lastClockMs = -1
let counter = 0

// Random bytes are drawn from the system a few kilobytes at a time: one draw per id cost more than
// the rest of making it, and a pull of a million registry units makes a million ids.
const RANDOM_POOL_BYTES = 8 * 1024
const randomPool = new Uint8Array(RANDOM_POOL_BYTES)
let randomOffset = RANDOM_POOL_BYTES

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs || now < lastClockMs) {
    // A new millisecond; or a clock that moved back (or a test's clock): a new count from there.
    lastMs = now
    counter = 0
  } else if (++counter > 0xfff) {
    lastMs += 1
    counter = 0
  }
  lastClockMs = now

  if (randomOffset + 8 > RANDOM_POOL_BYTES) {
    globalThis.crypto.getRandomValues(randomPool)
    randomOffset = 0
  }
  const bytes = new Uint8Array(16)
  // Bytes 8..15 are random (rand_b); 0..5 the time and 6..7 the version and counter.
  bytes.set(randomPool.subarray(randomOffset, randomOffset + 8), 8)
  randomOffset += 8
  let remaining = lastMs
  for (let i = 5; i >= 0; i--) {
    bytes[i] = remaining % 256
    remaining = Math.floor(remaining / 256)
  }
  bytes[6] = 0x70 | (counter >> 8) // version 7, counter high bits
  bytes[7] = counter & 0xff
  bytes[8] = (bytes[8]! & 0x3f) | 0x80 // RFC variant
  let hex = ''
  for (let i = 0; i < 16; i++) {
    hex += HEX[bytes[i]!]
    if (i === 3 || i === 5 || i === 7 || i === 9) hex += '-'
  }
  return hex
}
