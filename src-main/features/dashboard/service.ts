import type { Db } from '../../db/connection'
import type { CurrentUser } from '../../../src-shared/contract'
import type { Dashboard } from '../../../src-shared/contract/dashboard'
import { DASHBOARD_SECTIONS } from '../../../src-shared/domain/dashboard'
import { nextCalendarDay, shopDayStart, shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readShopTimeZone } from '../settings/service'
import { frontDeskTiles, managerTiles, technicianTiles, warehouseTiles } from './tiles'

/** The caller's home: only the sections their role sees are read at all. */
export async function readDashboard(db: Db, now: Date, user: CurrentUser): Promise<Dashboard> {
  const timeZone = await readShopTimeZone(db)
  const date = shopLocalDate(now, timeZone)
  const day = {
    date,
    start: shopDayStart(date, timeZone),
    end: shopDayStart(nextCalendarDay(date), timeZone),
    timeZone
  }
  const sections = new Set(DASHBOARD_SECTIONS[user.role])
  const dashboard: Dashboard = { today: date }
  if (sections.has('frontDesk')) dashboard.frontDesk = await frontDeskTiles(db, day)
  if (sections.has('technician')) dashboard.technician = await technicianTiles(db, user.id)
  if (sections.has('warehouse')) dashboard.warehouse = await warehouseTiles(db, now)
  if (sections.has('manager')) dashboard.manager = await managerTiles(db, now, day)
  return dashboard
}
