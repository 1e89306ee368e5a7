import { z } from 'zod'
import { operation } from '../operation'
import { text } from '../common'
import { CODE_LISTS, type CodeList } from '../../domain/repairTypes'

export interface CodeEntry {
  list: CodeList
  code: string
  label: string
  active: boolean
  sortOrder: number
}

export const codeListSchema = z.enum(CODE_LISTS)
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'validation.code' })

export const codesContract = {
  'codes.list': operation<CodeEntry[]>()(
    z.object({ list: codeListSchema.optional(), includeInactive: z.boolean().default(false) }).strict()
  ),
  /** Adds a code or changes its label, order or whether it is offered; codes are never deleted. */
  'codes.save': operation<CodeEntry>()(
    z
      .object({
        list: codeListSchema,
        code: codeSchema,
        label: text(60),
        active: z.boolean(),
        sortOrder: z.number().int().min(0).max(9999)
      })
      .strict()
  )
}
