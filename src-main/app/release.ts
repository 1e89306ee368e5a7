import { createHash } from 'node:crypto'
import packageJson from '../../package.json'
import { contract } from '../../src-shared/contract'
import { allMigrations } from '../db/migrations'
import { latestVersion } from '../db/migrator'

/**
 * What a desk and its shop server must share to work together: the app's version, the database
 * schema it writes, and the operations its contract names. A desk of another release would send
 * inputs the server reads differently (a field it no longer knows dropped, a new one defaulted)
 * or read answers it does not understand, so the shop network refuses it until it is updated.
 * Example: `0.1.0 (schema 49, operations 3fa2c1)`: plain ASCII, as it travels in a header.
 */
export const APP_RELEASE = `${packageJson.version} (schema ${latestVersion(allMigrations)}, operations ${operationsDigest()})`

/** The header a desk names its release in, and the one every answer of the shop server names its own in. */
export const DESK_RELEASE_HEADER = 'x-desk-release'
export const SHOP_SERVER_RELEASE_HEADER = 'x-shop-server-release'

function operationsDigest(): string {
  const names = Object.keys(contract).sort().join('\n')
  return createHash('sha256').update(names).digest('hex').slice(0, 6)
}
