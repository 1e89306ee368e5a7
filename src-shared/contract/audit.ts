import { z } from 'zod'
import { operation } from './operation'
import { pageInput, type Page } from './common'

export interface AuditEntry {
  id: string
  at: string
  actorId: string | null
  actorName: string | null
  action: string
  entity: string
  entityId: string | null
  /** The record's number people know it by (WO-…, a part number, INV-…), where it has one. */
  entityNumber: string | null
  before: unknown
  after: unknown
}

/** Someone the log names as having made changes, for the viewer's filter by operator. */
export interface AuditActor {
  id: string
  displayName: string
}

const isoInstant = z.iso.datetime({ offset: true })

export const auditContract = {
  'audit.list': operation<Page<AuditEntry>>()(
    z
      .object({
        action: z.string().trim().max(60).optional(),
        /** A work-order, part or receipt number, or a customer's phone tail: that record's rows only. */
        record: z.string().trim().max(60).optional(),
        actorId: z.uuid().optional(),
        from: isoInstant.optional(),
        to: isoInstant.optional(),
        ...pageInput
      })
      .strict()
  ),
  /** The distinct actions present, for the viewer's filter. */
  'audit.actions': operation<string[]>()(z.object({}).strict()),
  /** Everyone the log holds changes of, each once, by name (a user since disabled too). */
  'audit.actors': operation<AuditActor[]>()(z.object({}).strict())
}
