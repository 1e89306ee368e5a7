import type { Db } from '../../db/connection'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../settings/service'
import type { ShopCalendar } from './summaries'

export async function shopCalendar(db: Db, now: Date): Promise<ShopCalendar> {
  const timeZone = await readShopTimeZone(db)
  return { timeZone, today: shopLocalDate(now, timeZone) }
}
