import type { z } from 'zod'
import { AppError, type ErrorKey, type FieldIssue, isErrorKey } from '../../src-shared/contract'

/**
 * zod's size checks, by the kind of value measured: the renderer words these three; any other
 * kind gets the generic message it would have fallen back to anyway.
 */
const SIZE_KEYS: Record<'too_small' | 'too_big', Partial<Record<string, ErrorKey>>> = {
  too_small: {
    string: 'validation.tooSmall.string',
    number: 'validation.tooSmall.number',
    array: 'validation.tooSmall.array'
  },
  too_big: { string: 'validation.tooBig.string', number: 'validation.tooBig.number', array: 'validation.tooBig.array' }
}

/**
 * Turns zod's issues into translatable field errors. Custom rules carry their own message key
 * (`validation.*`); built-in checks map to a key per kind with the limit as a parameter.
 */
export function toFieldIssues(issue: z.core.$ZodIssue): FieldIssue[] {
  const path = issue.path.map(String).join('.')
  // One input may carry several unknown fields; each gets its own entry.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [path, key].filter(Boolean).join('.'),
      messageKey: 'validation.unknownField'
    }))
  }
  return [toFieldIssue(issue, path)]
}

function toFieldIssue(issue: z.core.$ZodIssue, path: string): FieldIssue {
  if (isErrorKey(issue.message)) return { path, messageKey: issue.message }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { path, messageKey: 'validation.required' }
      return {
        path,
        messageKey: SIZE_KEYS.too_small[issue.origin] ?? 'validation.invalid',
        params: { limit: Number(issue.minimum) }
      }
    case 'too_big':
      return {
        path,
        messageKey: SIZE_KEYS.too_big[issue.origin] ?? 'validation.invalid',
        params: { limit: Number(issue.maximum) }
      }
    case 'invalid_type':
      return issue.input === undefined
        ? { path, messageKey: 'validation.required' }
        : { path, messageKey: 'validation.invalidType', params: { expected: issue.expected } }
    case 'invalid_value':
      return { path, messageKey: 'validation.invalidChoice' }
    default:
      return { path, messageKey: 'validation.invalid' }
  }
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // zod 4 leaves `issue.input` out unless asked; toFieldIssue needs it to tell missing from mistyped.
  const result = schema.safeParse(input ?? {}, { reportInput: true })
  if (result.success) return result.data
  throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: result.error.issues.flatMap(toFieldIssues) })
}
