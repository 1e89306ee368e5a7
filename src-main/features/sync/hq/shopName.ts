import type { Db } from '../../../db/connection'

/**
 * The name the shop enrols at HQ under. The settings feature keeps the shop profile and writes
 * the outbox through sync, so sync must not import settings back: features/wiring.ts plugs the
 * profile's reader in here.
 */
export type ShopNameReader = (db: Db) => Promise<string>

let readShopName: ShopNameReader | null = null

export function wireShopName(reader: ShopNameReader): void {
  readShopName = reader
}

export function shopNameOf(db: Db): Promise<string> {
  if (!readShopName) throw new Error('The shop name is not wired: features/wiring.ts plugs it in')
  return readShopName(db)
}
