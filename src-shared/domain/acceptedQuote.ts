/**
 * The bill against the quote the customer accepted. A paid repair is billed what the customer said
 * yes to; a bill that comes to anything else (more work, a part not needed, a forgotten line)
 * needs the customer's new yes, recorded, or a manager's word before it is taken.
 */

/** What the customer is asked to pay on a bill: their lines less the discount (deposit included). */
export function billedToCustomerFen(totals: { customerLinesFen: number; discountFen: number }): number {
  return totals.customerLinesFen - totals.discountFen
}

/** Whether the bill is not what the customer accepted; a job with no accepted quote never differs. */
export function billDiffersFromAcceptedQuote(acceptedFen: number | null, billedFen: number): boolean {
  return acceptedFen !== null && billedFen !== acceptedFen
}
