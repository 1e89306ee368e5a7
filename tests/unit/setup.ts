import { afterAll, beforeAll } from 'vitest'
import { setPasswordCostForTests, TEST_PASSWORD_COST } from '../../src-main/features/auth/password'

// Each test file's shops hash and check their users' passwords with a cheap scrypt (the real
// cost, 32 MiB and a third of a second each, was most of the suite's time). Hashes carry their
// parameters, so checking works as in a shop.
setPasswordCostForTests(TEST_PASSWORD_COST)

/**
 * The shop's own cost for the tests of the enclosing block: those of the hash itself, and those
 * of the line password checks wait in, which only forms while each check takes its real time.
 */
export function useShopPasswordCost(): void {
  beforeAll(() => setPasswordCostForTests())
  afterAll(() => setPasswordCostForTests(TEST_PASSWORD_COST))
}
