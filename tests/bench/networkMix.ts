/** The counter's mix of the network benchmark, shared by the shop server's side and the desks' process. */

export const KINDS = ['search', 'openJob', 'issuePart', 'takePayment'] as const
export type Kind = (typeof KINDS)[number]
export const WRITES: ReadonlySet<Kind> = new Set(['issuePart', 'takePayment'])
/** Out of 20 operations at a desk: typing a name is most of the traffic, money and stock the rest. */
export const MIX: readonly Kind[] = [
  ...Array<Kind>(10).fill('search'),
  ...Array<Kind>(6).fill('openJob'),
  ...Array<Kind>(2).fill('issuePart'),
  ...Array<Kind>(2).fill('takePayment')
]

export interface Samples {
  names: string[]
  jobIds: string[]
  parts: { id: string; priceFen: number }[]
}

export interface Op {
  operation: 'customers.search' | 'workOrders.get' | 'workOrderParts.issue' | 'counterSales.sell'
  input: unknown
}

/** What the desks' process is told: where the shop server is, the paired desks, the pace. */
export interface DeskLoad {
  url: string
  fingerprint: string
  desks: { credential: string; token: string; address: string }[]
  samples: Samples
  opsPerSecond: number
  seconds: number
}

export interface LoadResult {
  timings: Record<Kind, number[]>
  errors: Record<string, number>
  /** Live-change batches received over all desks' streams. */
  changeBatches: number
}

/** One step of a desk's work: searching as you type is three calls, the rest one each. */
export function makeOp(kind: Kind, samples: Samples, n: number): Op[] {
  const pick = <T>(list: T[]) => list[n % list.length]!
  switch (kind) {
    case 'search': {
      // The name's first one, two and three characters, as the search box sends them.
      const name = pick(samples.names)
      return [1, 2, 3].map((length) => ({
        operation: 'customers.search',
        input: { query: name.slice(0, length), pageSize: 20 }
      }))
    }
    case 'openJob':
      return [{ operation: 'workOrders.get', input: { id: pick(samples.jobIds) } }]
    case 'issuePart':
      return [
        {
          operation: 'workOrderParts.issue',
          input: { workOrderId: pick(samples.jobIds), partId: pick(samples.parts).id, quantity: 1 }
        }
      ]
    case 'takePayment': {
      const part = pick(samples.parts)
      return [
        {
          operation: 'counterSales.sell',
          input: { lines: [{ partId: part.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: part.priceFen }] }
        }
      ]
    }
  }
}
