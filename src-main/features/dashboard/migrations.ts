import type { Migration } from '../../db/migration'

/**
 * The manager's home sums today's takings: payments by instant, closed or not (the existing
 * index covers only the open period).
 */
export const dashboardPaymentsByInstant: Migration = {
  version: 36,
  name: 'dashboard: payments by instant for the takings tile',
  statements: [`CREATE INDEX payments_at ON payments(at, method)`]
}
