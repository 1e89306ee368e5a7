import { setPasswordCostForTests, TEST_PASSWORD_COST } from '../../features/auth/password'

/**
 * `--test-password-cost`: the end-to-end tests start every host with it. Each of their shops sets
 * up an admin, hires staff and signs people in, and at the shop's real scrypt cost (32 MiB, a
 * fifth of a second of a core each) those hashes were about a minute of the suite's CPU. Only
 * hashes made from then on are cheap: each one carries its parameters and every check reads them,
 * so signing in works exactly as in a shop.
 *
 * Only this loopback host honours it. The Electron shell never reads it, and the moment the host
 * serves other PCs (its LAN listener opens, see shopNetwork.ts) it makes hashes at the shop's cost
 * again, whatever it was started with.
 */
export const TEST_PASSWORD_COST_FLAG = '--test-password-cost'

let lowered = false

/** Lowers the cost of new hashes when the host was started with the flag; says whether it did. */
export function lowerPasswordCostIfTestHost(argv: readonly string[]): boolean {
  if (!argv.includes(TEST_PASSWORD_COST_FLAG)) return false
  setPasswordCostForTests(TEST_PASSWORD_COST)
  lowered = true
  return true
}

/** Back to the shop's cost before this host listens on the LAN; nothing to do if it was never lowered. */
export function restoreShopPasswordCost(): void {
  if (!lowered) return
  setPasswordCostForTests()
  lowered = false
}
