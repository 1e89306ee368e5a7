import type { Db } from '../../../db/connection'
import { AppError, fieldError, type ParsedInput } from '../../../../src-shared/contract'
import { isSerialOnHand, unserialisedOnHand } from '../serials'

/** The serials the poster says were not found, by part, each with where it sits in the input. */
export type NamedMissing = Map<string, { serials: string[]; path: string }>

export function namedMissing(input: ParsedInput<'stocktakes.post'>): NamedMissing {
  return new Map(
    input.missingSerials.map((entry, index) => [
      entry.partId,
      {
        serials: [...new Set(entry.serials.filter((serial): serial is string => serial !== null))],
        path: `missingSerials.${index}.serials`
      }
    ])
  )
}

/**
 * Which serials of a part counted short leave the books: those named, each still on the shelf's
 * books, no more than the shortage. The rest of the shortage may only be units with no serial on
 * the books (received before serials were kept); otherwise the poster must say which are missing,
 * or the serials of units gone would stay on hand and be issued later.
 */
export async function serialsNotFound(
  trx: Db,
  part: { partId: string; partNumber: string; serialTracked: boolean },
  short: number,
  named: { serials: string[]; path: string } | undefined
): Promise<string[]> {
  const serials = named?.serials ?? []
  if (!part.serialTracked) {
    if (named && serials.length > 0) throw fieldError(named.path, 'validation.partNotSerialTracked')
    return []
  }
  if (named && serials.length > short) throw fieldError(named.path, 'validation.moreSerialsThanShort', { n: short })
  for (const serial of serials)
    if (!(await isSerialOnHand(trx, part.partId, serial)))
      throw new AppError('CONFLICT', 'errors.serialNotOnHand', { serial })
  if (short - serials.length > (await unserialisedOnHand(trx, part.partId)))
    throw fieldError(named?.path ?? 'missingSerials', 'validation.missingSerialsRequired', {
      partNumber: part.partNumber
    })
  return serials
}
