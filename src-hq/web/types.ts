/** What HQ's operations answer, as the page reads it (the server's services define them). */

export interface ShopRow {
  id: string
  name: string
  status: 'registered' | 'active' | 'revoked'
  enrolledName: string
  appVersion: string
  lastContactAt: string | null
  enrolCodeExpiresAt: string | null
  changesReceived: number
  claimsPending: number
}

export interface EnrolCode {
  shopId: string
  code: string
  expiresAt: string
}

export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'moreInfo'

export interface ClaimRow {
  shopId: string
  shopName: string
  claimId: string
  workOrderNumber: string
  claimedFen: number
  serial: string
  model: string
  /** The model with its brand in front, unless it already starts with it. */
  brandModel: string
  faultCode: string
  /** The code's name in the brand's fault list; null where HQ does not know it. */
  faultLabel: string | null
  component: string
  /** When the shop filed the claim. */
  claimedAt: string
  /** When HQ received it. */
  receivedAt: string
  status: ClaimStatus
  reason: string
  approvedFen: number
  /** What the brand paid on the approved claim; null until paid. */
  paidFen: number | null
  paidReference: string
  paidAt: string | null
}

export interface Statement {
  shop: { id: string; name: string }
  month: string
  claims: {
    claimId: string
    workOrderNumber: string
    serial: string
    model: string
    decidedAt: string
    claimedFen: number
    labourFen: number
    partsFen: number
    approvedFen: number
  }[]
  returns: { batchId: string; number: string; creditReference: string; creditedAt: string; creditedFen: number }[]
  totals: {
    claimedFen: number
    labourFen: number
    partsFen: number
    claimsFen: number
    returnsFen: number
    totalFen: number
  }
}

export interface FaultCount {
  month: string
  key: string
  claims: number
}

export interface ReturnBatchRow {
  shopId: string
  shopName: string
  batchId: string
  number: string
  carrier: string
  trackingNumber: string
  shippedAt: string | null
  hqStatus: 'received' | 'credited' | null
  creditedFen: number
  creditReference: string
}

/** A claim's lines beside HQ's own rates (claims.assess); brandFen null: HQ has no price for it. */
export interface ClaimAssessment {
  claimedFen: number
  labourFen: number
  partsFen: number
  pricesMissing: boolean
  lines: {
    kind: string
    description: string
    partNumber: string
    quantity: number
    claimedFen: number
    brandFen: number | null
  }[]
}
