import type { PulledTableApplier } from '../../sync/hq/pulledTables'

/** The protocol names the lists as the brand does; the shop's code_entries as it always has. */
const LIST_OF: Record<string, string> = {
  symptom: 'symptom',
  faultLocation: 'fault_location',
  faultCause: 'fault_cause'
}
const VOIDS = new Set(['physical_damage', 'liquid_damage', 'third_party_repair', 'serial_tampered'])

/**
 * The brand's fault codes, pulled into the shop's code lists: HQ's label, component and void rule
 * win; a code HQ withdraws is made inactive (old jobs still show it). A list or void rule this
 * version of the app does not know is left out rather than guessed.
 */
export const applyFaultCodes: PulledTableApplier<'faultCodes'> = ({ sqlite }, changes) => {
  const upsert = sqlite.prepare(
    `INSERT INTO code_entries (list, code, label, active, sort_order, component, voids_warranty)
     VALUES (?, ?, ?, ?, 0, ?, ?)
     ON CONFLICT (list, code) DO UPDATE SET label = excluded.label, active = excluded.active,
       component = excluded.component, voids_warranty = excluded.voids_warranty`
  )
  const withdraw = sqlite.prepare('UPDATE code_entries SET active = 0 WHERE list = ? AND code = ?')
  for (const change of changes) {
    if (change.operation === 'delete') {
      const [list, code] = change.key.split(':')
      const shopList = LIST_OF[list ?? '']
      if (shopList && code) withdraw.run(shopList, code)
      continue
    }
    const entry = change.row
    const list = LIST_OF[entry.list]
    if (!list) continue
    const voids = entry.voidsWarranty !== null && VOIDS.has(entry.voidsWarranty) ? entry.voidsWarranty : null
    upsert.run(
      list,
      entry.code,
      entry.label,
      entry.active ? 1 : 0,
      entry.component,
      list === 'fault_cause' ? voids : null
    )
  }
}
