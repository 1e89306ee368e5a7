import type { Db } from '../../db/connection'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../settings/service'

/** The shop's "today" and time zone: what overdue and aging are measured against. */
export interface ShopCalendar {
  today: string
  timeZone: string
}

export async function shopCalendar(db: Db, now: Date): Promise<ShopCalendar> {
  const timeZone = await readShopTimeZone(db)
  return { timeZone, today: shopLocalDate(now, timeZone) }
}
