import type { Db } from '../../db/connection'
import type { RegisteredUnit } from '../workOrders/ports'

/**
 * The registered unit with this serial as the work-order kernel needs it: its category, purchase
 * date and, for a unit received in an exchange, the exchange date. A unit replaced in an exchange is still the same serial's record.
 */
export async function registeredUnitOfSerial(db: Db, serial: string): Promise<RegisteredUnit | null> {
  const row = await db
    .selectFrom('warrantyUnits as u')
    .innerJoin('productModels as m', 'm.id', 'u.modelId')
    .select(['m.categoryKey', 'u.purchaseDate', 'u.exchangedOn'])
    .where('u.serial', '=', serial.toUpperCase())
    .executeTakeFirst()
  return row ?? null
}
