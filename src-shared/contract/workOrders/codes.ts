import { z } from 'zod'
import { operation } from '../operation'
import { singleLineString, text } from '../common'
import { CODE_LISTS, type CodeList } from '../../domain/repairTypes'
import { VOID_REASONS, type VoidReason } from '../../domain/warranty/facts'

export interface CodeEntry {
  list: CodeList
  code: string
  label: string
  active: boolean
  sortOrder: number
  /**
   * For fault causes: a job diagnosed with this cause has its warranty void, for this reason
   * (liquid damage, third-party repair…); null: the cause does not void it.
   */
  voidsWarranty: VoidReason | null
  /**
   * The label is the one the app seeded this code with, unedited (`domain/seededCodes.ts`):
   * screens name it in the reader's language; a label the shop wrote is shown as written.
   */
  seeded: boolean
}

export const codeListSchema = z.enum(CODE_LISTS)
export const codeSchema = singleLineString()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.code' })

export const codesContract = {
  'codes.list': operation<CodeEntry[]>()(
    z.object({ list: codeListSchema.optional(), includeInactive: z.boolean().default(false) }).strict()
  ),
  /**
   * Adds a code (`adding`: refused when the list has it already) or changes its label, order,
   * whether it is offered and (a fault cause) whether it voids the warranty; codes are never deleted.
   */
  'codes.save': operation<CodeEntry>()(
    z
      .object({
        list: codeListSchema,
        code: codeSchema,
        label: text(60),
        active: z.boolean(),
        sortOrder: z.number().int().min(0).max(9999),
        // Absent: an existing code keeps its own, a new one does not void. Fault causes only.
        voidsWarranty: z.enum(VOID_REASONS).nullable().optional(),
        // Asked as a new code: one the list has already (added at another desk meanwhile) is
        // refused rather than overwritten.
        adding: z.boolean().default(false)
      })
      .strict()
  )
}
