import type { Db } from '../../db/connection'

/** A desk whose credential was found paired, with when its last-seen time was last written. */
export interface PairedDesk {
  deskId: string
  credentialHash: string
  lastSeenAt: number
}

/**
 * The desks found paired, in memory, per database: every LAN call and every live-change batch
 * sent to a desk asks whether its desk is paired, and reading the desks table for each was a
 * query per call (and per stream, per batch). Only revoking ends a pairing, and it forgets the
 * desk here in the same step; a restored database is a new handle, with nothing remembered.
 */
const pairedDesks = new WeakMap<Db, { desks: Map<string, PairedDesk>; revocations: number }>()

function stateOf(db: Db) {
  let state = pairedDesks.get(db)
  if (!state) {
    state = { desks: new Map(), revocations: 0 }
    pairedDesks.set(db, state)
  }
  return state
}

function desksOf(db: Db): Map<string, PairedDesk> {
  return stateOf(db).desks
}

/**
 * A mark to take before reading a desk from the database: what was read is remembered only if no
 * desk was revoked meanwhile (a revocation between the read and the remembering would be lost).
 */
export function revocationMark(db: Db): number {
  return stateOf(db).revocations
}

export function rememberPairedDesk(db: Db, desk: PairedDesk, mark: number): void {
  const state = stateOf(db)
  if (state.revocations === mark) state.desks.set(desk.credentialHash, desk)
}

export function knownPairedDesk(db: Db, by: { credentialHash: string } | { deskId: string }): PairedDesk | undefined {
  const desks = desksOf(db)
  if ('credentialHash' in by) return desks.get(by.credentialHash)
  for (const desk of desks.values()) if (desk.deskId === by.deskId) return desk
  return undefined
}

export function forgetPairedDesk(db: Db, deskId: string): void {
  const state = stateOf(db)
  state.revocations += 1
  for (const [hash, desk] of state.desks) if (desk.deskId === deskId) state.desks.delete(hash)
}
