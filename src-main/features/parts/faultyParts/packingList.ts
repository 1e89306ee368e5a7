import type { Db } from '../../../db/connection'
import type { PackingList, PackingListLine, ParsedInput } from '../../../../src-shared/contract'
import { loadBatch } from './faultyParts'

/**
 * What goes in the box with a return batch (装箱单): one line per part of each job or 三包 slip,
 * its units' serials together, and the fault the brand will look for when it opens the box — the
 * job's diagnosed fault location and cause, or the slip's fault code. The brand's receiver checks
 * the box against it and signs.
 */
export async function packingList(db: Db, input: ParsedInput<'faultyParts.packingList'>): Promise<PackingList> {
  const batch = await loadBatch(db, input.id)
  const rows = await db
    .selectFrom('faultyParts as f')
    .innerJoin('parts as p', 'p.id', 'f.partId')
    .leftJoin('workOrders as w', 'w.id', 'f.workOrderId')
    .leftJoin('codeEntries as location', (join) =>
      join.onRef('location.code', '=', 'w.faultLocationCode').on('location.list', '=', 'fault_location')
    )
    .leftJoin('codeEntries as cause', (join) =>
      join.onRef('cause.code', '=', 'w.faultCauseCode').on('cause.list', '=', 'fault_cause')
    )
    .leftJoin('warrantyAccessoryRemedies as r', 'r.id', 'f.accessoryRemedyId')
    .select([
      'f.partId',
      'w.number as workOrderNumber',
      'f.slipNumber',
      'p.partNumber',
      'p.name as partName',
      'f.serial',
      'f.quantity',
      'w.faultLocationCode',
      'location.label as locationLabel',
      'w.faultCauseCode',
      'cause.label as causeLabel',
      'r.faultCode as slipFaultCode'
    ])
    .where('f.batchId', '=', input.id)
    .orderBy('w.number')
    .orderBy('f.slipNumber')
    .orderBy('p.partNumber')
    .orderBy('f.serial')
    .execute()
  const lines = new Map<string, PackingListLine>()
  for (const row of rows) {
    const key = `${row.workOrderNumber ?? row.slipNumber}\u0000${row.partId}`
    const line = lines.get(key) ?? {
      workOrderNumber: row.workOrderNumber,
      slipNumber: row.slipNumber,
      partNumber: row.partNumber,
      partName: row.partName,
      serials: [],
      quantity: 0,
      fault: row.workOrderNumber
        ? [codeText(row.faultLocationCode, row.locationLabel), codeText(row.faultCauseCode, row.causeLabel)]
            .filter(Boolean)
            .join(' / ')
        : (row.slipFaultCode ?? '')
    }
    if (row.serial) line.serials.push(row.serial)
    line.quantity += row.quantity
    lines.set(key, line)
  }
  const all = [...lines.values()]
  return { batch, lines: all, totalQuantity: all.reduce((sum, line) => sum + line.quantity, 0) }
}

/** A code as the brand reads it, with the shop's name for it: "C02 元件损坏". */
function codeText(code: string | null, label: string | null): string {
  if (!code) return ''
  return label ? `${code} ${label}` : code
}
