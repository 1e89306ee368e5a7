import { randomFillSync } from 'node:crypto'

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/**
 * UUIDv7 ids for a bulk insert, all stamped with one millisecond: RFC 9562 method 1 with a 30-bit
 * counter (rand_a and the top of rand_b) so they sort in creation order, and random bits taken
 * from a pooled buffer (one getRandomValues per id costs more than the insert it is for).
 */
export function bulkIdMaker(at: number): () => string {
  let remaining = at
  const timeBytes: number[] = []
  for (let i = 0; i < 6; i++) {
    timeBytes.unshift(remaining % 256)
    remaining = Math.floor(remaining / 256)
  }
  const time = `${HEX[timeBytes[0]!]}${HEX[timeBytes[1]!]}${HEX[timeBytes[2]!]}${HEX[timeBytes[3]!]}-${HEX[timeBytes[4]!]}${HEX[timeBytes[5]!]}`
  const pool = Buffer.alloc(64 * 1024)
  let used = pool.length
  let counter = 0
  return () => {
    if (used + 6 > pool.length) {
      randomFillSync(pool)
      used = 0
    }
    if (counter >= 0x40000000) throw new Error('bulkIdMaker: more than 2^30 ids in one millisecond')
    const high = counter >>> 18 // 12 bits: rand_a
    const low = counter & 0x3ffff // 18 bits: top of rand_b after the variant
    counter++
    const randA = `7${HEX[(high >> 8) & 0x0f]!.slice(1)}${HEX[high & 0xff]}`
    const variant = 0x80 | (low >> 12) // 10xx xxxx: variant and 6 counter bits
    const clock = `${HEX[variant]}${HEX[(low >> 4) & 0xff]}`
    const tail = `${HEX[((low & 0x0f) << 4) | (pool[used]! & 0x0f)]}${HEX[pool[used + 1]!]}${HEX[pool[used + 2]!]}${HEX[pool[used + 3]!]}${HEX[pool[used + 4]!]}${HEX[pool[used + 5]!]}`
    used += 6
    return `${time}-${randA}-${clock}-${tail}`
  }
}
