import type { z } from 'zod'
import type { cataloguePartRow } from '../src-shared/hq/protocol'
import type { HqStaffOperation, StaffRoleName } from './contract'

/**
 * What each HQ staff operation answers: declared once here, beside the inputs in contract.ts. The
 * services return these types (so the compiler holds them to it) and HQ's page reads them through
 * `call`, so the page cannot assume a shape the server does not send. Pure types: the page's build
 * imports this file.
 */

export type ShopStatus = 'registered' | 'active' | 'revoked'
export type ClaimStatus = 'pending' | 'approved' | 'rejected' | 'moreInfo'

export interface StaffUser {
  id: string
  username: string
  displayName: string
  role: StaffRoleName
}

export interface SignedIn {
  token: string
  user: StaffUser
}

export interface HqInfo {
  name: string
  /** HQ's certificate fingerprint, shown on the page so admins can read it to a shop. */
  fingerprint: string
  timeZone: string
}

export interface EnrolCode {
  shopId: string
  code: string
  expiresAt: string
}

export interface ShopOverview {
  id: string
  name: string
  status: ShopStatus
  enrolledName: string
  appVersion: string
  lastContactAt: string | null
  enrolCodeExpiresAt: string | null
  /** Changes received from the shop, ever. */
  changesReceived: number
  /** Claims of this shop waiting for HQ's decision. */
  claimsPending: number
}

export interface ClaimInQueue {
  shopId: string
  shopName: string
  claimId: string
  workOrderNumber: string
  invoiceNumber: string
  claimedFen: number
  serial: string
  brand: string
  model: string
  /** The model with its brand, as the queue shows it. */
  brandModel: string
  categoryKey: string
  faultCode: string
  /** The fault code's name in the brand's list; null where HQ does not know the code. */
  faultLabel: string | null
  component: string
  /** When the shop filed the claim (its latest version, sent again with more evidence). */
  claimedAt: string
  /** When that version reached HQ. */
  receivedAt: string
  status: ClaimStatus
  reason: string
  labourFen: number
  partsFen: number
  approvedFen: number
  decidedAt: string | null
  /** What the brand paid on the approved claim; null until paid. */
  paidFen: number | null
  paidReference: string
  paidAt: string | null
  payload: unknown
}

export interface BrandAmounts {
  labourFen: number
  partsFen: number
}

/** One line of a claim beside what the brand's own price list gives for it. */
export interface AssessedLine {
  kind: string
  description: string
  partNumber: string
  quantity: number
  /** What the shop billed the brand for the line. */
  claimedFen: number
  /** What HQ's rates give for it; null where HQ has no price (no labour rate, a part not in the catalogue). */
  brandFen: number | null
}

export interface ClaimAssessment extends BrandAmounts {
  lines: AssessedLine[]
  /** Some line has no brand price: HQ's rates alone would underpay the claim. */
  pricesMissing: boolean
}

/** A claim as the reviewer weighs it: what the shop claimed beside HQ's own rates. */
export interface AssessedClaim extends ClaimAssessment {
  claimedFen: number
}

export interface ReturnBatchAtHq {
  shopId: string
  shopName: string
  batchId: string
  number: string
  shopStatus: string
  carrier: string
  trackingNumber: string
  items: unknown
  shippedAt: string | null
  hqStatus: 'received' | 'credited' | null
  creditedFen: number
  creditReference: string
  receivedAt: string | null
  creditedAt: string | null
}

export interface StatementClaim {
  claimId: string
  workOrderNumber: string
  serial: string
  model: string
  decidedAt: string
  /** What the shop claimed, beside what the brand approved. */
  claimedFen: number
  labourFen: number
  partsFen: number
  approvedFen: number
}

export interface StatementReturn {
  batchId: string
  number: string
  creditReference: string
  creditedAt: string
  creditedFen: number
}

export interface SettlementStatement {
  shop: { id: string; name: string }
  /** `YYYY-MM` in the brand's time zone. */
  month: string
  claims: StatementClaim[]
  returns: StatementReturn[]
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
  /** `YYYY-MM` in the brand's time zone. */
  month: string
  key: string
  claims: number
}

export interface LabourRate {
  categoryKey: string
  labourFen: number
}

/** A part of the brand's catalogue, as shops pull it. */
export type CataloguePart = z.infer<typeof cataloguePartRow>

export interface CataloguePage {
  parts: CataloguePart[]
  /** How many parts match the query, over all pages. */
  total: number
}

/** An Excel file the page saves: its name and its bytes in base64. */
export interface WorkbookFile {
  fileName: string
  base64: string
}

interface Imported {
  imported: number
}

export interface HqStaffOutputs {
  'staff.signIn': SignedIn
  'staff.signOut': null
  'staff.me': StaffUser
  'staff.create': StaffUser
  'hq.info': HqInfo
  'shops.list': ShopOverview[]
  'shops.register': EnrolCode
  'shops.renewCode': EnrolCode
  'shops.revoke': null
  'seed.registryUnits': Imported
  'seed.registryCsv': Imported
  'seed.policies': Imported
  'seed.catalogueParts': Imported
  'seed.faultCodes': Imported
  'seed.bulletins': Imported
  'seed.labourRates': Imported
  'labourRates.list': LabourRate[]
  'catalogueParts.list': CataloguePage
  'catalogueParts.save': null
  'seed.remove': null
  'claims.list': { claims: ClaimInQueue[]; total: number }
  'claims.decide': { status: ClaimStatus }
  'claims.assess': AssessedClaim
  'claims.pay': null
  'returns.list': ReturnBatchAtHq[]
  'returns.receive': null
  'returns.credit': null
  'settlements.statement': SettlementStatement
  'settlements.export': WorkbookFile
  'stats.faults': FaultCount[]
  'stats.export': WorkbookFile
}

export type HqStaffOutput<O extends HqStaffOperation> = HqStaffOutputs[O]
