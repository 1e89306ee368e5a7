import type { z } from 'zod'

/**
 * One operation of the contract: its input schema, and its output type carried as a phantom
 * so the renderer's client is typed without importing any main-process code.
 */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  readonly __output?: O
}

export function operation<O>() {
  return <I extends z.ZodType>(input: I): OperationSpec<I, O> => ({ input })
}

export type InputOf<S> = S extends OperationSpec<infer I, unknown> ? z.input<I> : never
export type ParsedInputOf<S> = S extends OperationSpec<infer I, unknown> ? z.output<I> : never
export type OutputOf<S> = S extends OperationSpec<z.ZodType, infer O> ? O : never
