/**
 * What a job still owes at the counter when its device is to be handed back: whether it has been
 * checked out, what its lines come to (whoever pays them) and the deposit it still holds.
 */
export interface HandOverBilling {
  checkedOut: boolean
  /** The lines the job would be billed for now, the brand's share included. */
  linesFen: number
  depositHeldFen: number
}

/**
 * A device leaves only once its job is settled: checked out (paid, or billed to the brand as a
 * warranty claim), or with nothing to bill. A deposit still held is settled at checkout too (it is
 * applied or handed back there), so it also needs one.
 */
export function mustCheckOutBeforeHandOver(billing: HandOverBilling): boolean {
  return !billing.checkedOut && (billing.linesFen > 0 || billing.depositHeldFen > 0)
}
