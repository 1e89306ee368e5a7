import type { Db } from '../../../db/connection'

/**
 * What the brand needs to judge a claim, read in the transaction that opens it: the unit (serial,
 * brand, model, product category), the fault found (cause code, location code and the component
 * the brand's fault list names for the cause or, failing that, the location). HQ reads these fields from the pushed claim (docs/hq.md,
 * "What HQ reads from a pushed claim"); without them its queue and fault statistics are blank.
 */
export interface ClaimEvidence {
  serial: string
  brand: string
  model: string
  categoryKey: string
  faultCode: string
  faultLocationCode: string
  component: string
}

const NO_EVIDENCE: ClaimEvidence = {
  serial: '',
  brand: '',
  model: '',
  categoryKey: '',
  faultCode: '',
  faultLocationCode: '',
  component: ''
}

export async function claimEvidence(trx: Db, workOrderId: string): Promise<ClaimEvidence> {
  return (await claimEvidenceOf(trx, [workOrderId])).get(workOrderId) ?? NO_EVIDENCE
}

/** The same for many jobs at once (the claim sheet), keyed by work order id. */
export async function claimEvidenceOf(trx: Db, workOrderIds: readonly string[]): Promise<Map<string, ClaimEvidence>> {
  const evidence = new Map<string, ClaimEvidence>()
  // A few hundred ids a statement keeps each one well inside SQLite's limit on parameters.
  for (let start = 0; start < workOrderIds.length; start += 500) {
    const rows = await trx
      .selectFrom('workOrders as wo')
      .innerJoin('devices as d', 'd.id', 'wo.deviceId')
      .leftJoin('productModels as m', (join) => join.onRef('m.brand', '=', 'd.brand').onRef('m.model', '=', 'd.model'))
      .leftJoin('codeEntries as cause', (join) =>
        join.onRef('cause.code', '=', 'wo.faultCauseCode').on('cause.list', '=', 'fault_cause')
      )
      .leftJoin('codeEntries as location', (join) =>
        join.onRef('location.code', '=', 'wo.faultLocationCode').on('location.list', '=', 'fault_location')
      )
      .select([
        'wo.id',
        'd.serial',
        'd.brand',
        'd.model',
        'm.categoryKey',
        'wo.faultCauseCode',
        'wo.faultLocationCode',
        'cause.component as causeComponent',
        'location.component as locationComponent'
      ])
      .where('wo.id', 'in', workOrderIds.slice(start, start + 500))
      .execute()
    for (const row of rows) {
      evidence.set(row.id, {
        serial: row.serial ?? '',
        brand: row.brand,
        model: row.model,
        categoryKey: row.categoryKey ?? '',
        faultCode: row.faultCauseCode ?? '',
        faultLocationCode: row.faultLocationCode ?? '',
        component: row.causeComponent ?? row.locationComponent ?? ''
      })
    }
  }
  return evidence
}

/**
 * Claim lines with the brand's part number on each part line (HQ prices a part line by it), read
 * from the issued part the line bills; other lines are returned as they are.
 */
export async function withPartNumbers<L>(trx: Db, lines: readonly L[]): Promise<L[]> {
  const sourceOf = (line: L): string | null => {
    const value = line as { kind?: unknown; sourceId?: unknown }
    return value.kind === 'part' && typeof value.sourceId === 'string' ? value.sourceId : null
  }
  const sources = lines.map(sourceOf).filter((id): id is string => id !== null)
  if (sources.length === 0) return [...lines]
  const rows = await trx
    .selectFrom('workOrderParts as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .select(['l.id', 'p.partNumber'])
    .where('l.id', 'in', sources)
    .execute()
  const numberOf = new Map(rows.map((row) => [row.id, row.partNumber]))
  return lines.map((line) => {
    const source = sourceOf(line)
    const partNumber = source === null ? undefined : numberOf.get(source)
    return partNumber === undefined ? line : { ...line, partNumber }
  })
}
