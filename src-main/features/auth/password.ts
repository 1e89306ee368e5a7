import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { passwordChecks } from './passwordCheckQueue'

interface ScryptCost {
  N: number
  r: number
  p: number
}

/**
 * scrypt with one of OWASP's recommended parameter sets (N=2^15, r=8, p=3: 32 MiB, about
 * 0.2 s here). The parameters are stored with each hash so they can be raised later while
 * old hashes still verify.
 */
export const PASSWORD_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 3 })
/**
 * What the tests make hashes with (1 MiB, about a millisecond): the unit tests' throwaway shops
 * (tests/unit/setup.ts) and the end-to-end tests' hosts (host/web/testPasswordCost.ts).
 */
export const TEST_PASSWORD_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 10, r: 8, p: 1 })
const KEY_LENGTH = 64
const SALT_LENGTH = 16

/** The cost new hashes are made with. */
let cost: Readonly<ScryptCost> = PASSWORD_COST

/**
 * For the tests only: their thousands of throwaway shops each hash and check a few passwords, and
 * at the real cost those were most of the suites' time. tests/unit/setup.ts lowers it, and so does
 * the loopback web host when the end-to-end tests start it with `--test-password-cost`
 * (host/web/testPasswordCost.ts); a hash keeps its parameters, so checking is unchanged, and
 * password.test.ts tests the real cost. No service, no other host and no tool calls this
 * (tests/unit/architecture/passwordCost.test.ts).
 */
export function setPasswordCostForTests(next: Readonly<ScryptCost> = PASSWORD_COST): void {
  cost = next
  // The decoy an unknown name is checked against must cost what a real check does.
  decoyHash = undefined
}

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 8) + 32 * 1024 * 1024
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, cost, KEY_LENGTH)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/**
 * Checks a password against a stored hash, waiting its turn in the password-check line;
 * `source` is whose turn it is (the sign-in's source, or a signed-in session).
 */
export async function verifyPassword(password: string, stored: string, source = 'signed-in'): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$')
  if (scheme !== 'scrypt' || !saltText || !keyText) return false
  const expected = Buffer.from(keyText, 'base64')
  const actual = await passwordChecks.run(source, () =>
    derive(password, Buffer.from(saltText, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length)
  )
  return timingSafeEqual(actual, expected)
}

/** A real hash to check against when the user name is unknown, so timing does not reveal which names exist. */
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(12).toString('hex'))
  return decoyHash
}
