import type { Db } from '../../../db/connection'
import { AppError, fieldError, type ParsedInput } from '../../../../src-shared/contract'
import { isSerialOnHand, refuseSerialOutOnJob, unserialisedOnHand } from '../serials'

/** The serials the poster names (not found, or found), by part, each with where it sits in the input. */
export type NamedSerials = Map<string, { serials: string[]; path: string }>

export function namedSerials(
  input: ParsedInput<'stocktakes.post'>,
  field: 'missingSerials' | 'foundSerials'
): NamedSerials {
  return new Map(
    input[field].map((entry, index) => [
      entry.partId,
      {
        serials: [...new Set(entry.serials.filter((serial): serial is string => serial !== null))],
        path: `${field}.${index}.serials`
      }
    ])
  )
}

/** A part not tracked by serial moves none: naming any for it is refused on its field. */
function noSerialsFor(named: { serials: string[]; path: string } | undefined): string[] {
  if (named && named.serials.length > 0) throw fieldError(named.path, 'validation.partNotSerialTracked')
  return []
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
  if (!part.serialTracked) return noSerialsFor(named)
  const serials = named?.serials ?? []
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

/**
 * Which serials of a serial-tracked part counted over enter the books: one read off each unit
 * found, none on the shelf's books already nor out on a job. Without them the units found would
 * be stock with no serial, and the serials on hand would no longer be the units on the shelf.
 */
export async function serialsFound(
  trx: Db,
  part: { partId: string; partNumber: string; serialTracked: boolean },
  over: number,
  named: { serials: string[]; path: string } | undefined
): Promise<string[]> {
  if (!part.serialTracked) return noSerialsFor(named)
  const serials = named?.serials ?? []
  if (named && serials.length > over) throw fieldError(named.path, 'validation.moreSerialsThanOver', { n: over })
  if (serials.length < over)
    throw fieldError(named?.path ?? 'foundSerials', 'validation.foundSerialsRequired', {
      partNumber: part.partNumber,
      n: over
    })
  for (const serial of serials) {
    if (await isSerialOnHand(trx, part.partId, serial))
      throw new AppError('CONFLICT', 'errors.serialAlreadyOnHand', { serial })
    await refuseSerialOutOnJob(trx, part.partId, serial)
  }
  return serials
}
