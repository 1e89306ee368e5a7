import type { Db } from '../../../db/connection'
import { definePort } from '../../../app/port'

/**
 * The name the shop enrols at HQ under. The settings feature keeps the shop profile and writes
 * the outbox through sync, so sync must not import settings back: features/wiring.ts plugs the
 * profile's reader in here.
 */
export type ShopNameReader = (db: Db) => Promise<string>

const shopNameReader = definePort<ShopNameReader>('The shop name')

export const wireShopName = shopNameReader.wire

export function shopNameOf(db: Db): Promise<string> {
  return shopNameReader.get()(db)
}
