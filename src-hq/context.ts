import type { HqDb } from './db/connection'

/** What every HQ service is given: the database, the clock (tests set it), and who HQ is. */
export interface HqContext {
  db: HqDb
  now: () => Date
  /** The name shops see for this HQ at enrolment. */
  name: string
  /** Days an enrolment code stays valid. */
  enrolCodeDays: number
  /** The brand's calendar for monthly statements (an IANA time zone). */
  timeZone: string
}
