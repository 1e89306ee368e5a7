/**
 * What the shop server tells every desk after a change commits: which records changed, never
 * their contents (a desk refetches what it shows, through the contract and its permission checks).
 * Entities are the audit log's entity names (`work_order`, `customer`, `invoice`, ...) plus a few
 * finer ones read from the tables themselves (`part_request`, `stock`, `payment`).
 */
export interface ChangeNotice {
  entity: string
  /** The record's id; null when too many records of this entity changed at once to list them. */
  id: string | null
}

/** One server-sent event: the changes of one committed transaction. */
export interface ChangeBatch {
  changes: ChangeNotice[]
}

/** The server-sent event names on GET /events. */
export const CHANGES_EVENT = 'changes'
