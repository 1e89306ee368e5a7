import { z } from 'zod'
import { operation } from './operation'
import {
  calendarDate,
  id,
  managerOnTheSpotSchema,
  multiLineText,
  optionalMultiLineText,
  optionalText,
  pageInput,
  text,
  untrimmedSingleLineString,
  type Device,
  type Page,
  type WorkOrderSummary
} from './common'
import { customerFieldsSchema, type Customer } from './customers'
import { deviceFieldsSchema } from './customers/devices'
import { codeSchema } from './workOrders/codes'
import {
  ACCESSORIES,
  DECISION_CHANNELS,
  INTAKE_CHANNELS,
  SERVICE_TYPES,
  type Accessory,
  type DecisionChannel,
  type IntakeChannel
} from '../domain/repairTypes'
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '../domain/workOrderStatus'
import type { CustomerDecision, ManagerApproval } from '../domain/quote'
import type { QuoteDraft } from '../domain/quoteDraft'
import { PAYMENT_METHODS } from '../domain/invoice'
import type { ComebackCover } from '../domain/comeback'
import { WAITING_CAUSES } from '../domain/warranty/waiting'

/** The job a device is on while it is in the shop: it cannot be booked in on a second one. */
export interface OpenJobOfDevice {
  workOrderId: string
  number: string
  status: WorkOrderStatus
}

/** A device's collected job whose comeback the shop's repair warranty still covers. */
export interface FreeComeback {
  workOrderId: string
  number: string
  /** the pick-up day, in the shop's time zone */
  pickedUpOn: string
  /** the last day of the shop's repair warranty on it */
  shopWarrantyEnd: string
}

export interface LabourLine {
  id: string
  description: string
  minutes: number
  priceFen: number
}

export interface Quote {
  id: string
  labourFen: number
  partsFen: number
  discountFen: number
  totalFen: number
  note: string
  createdAt: string
  createdByName: string | null
  customerDecision: CustomerDecision
  decisionChannel: DecisionChannel | null
  decidedAt: string | null
  decisionRecordedByName: string | null
  managerApproval: ManagerApproval
  managerName: string | null
  managerDecidedAt: string | null
}

/** The timeline kind of a note added to an order after its close. */
export const NOTE_AFTER_CLOSE = 'note_after_close'

export interface TimelineEvent {
  id: string
  at: string
  actorName: string | null
  kind: string
  fromStatus: WorkOrderStatus | null
  toStatus: WorkOrderStatus | null
  note: string
  /** What a quote offered (kind `quoted`): its amounts, and whether it went to a manager first. */
  quote: TimelineQuote | null
  /**
   * The part a line is about (kinds `part_requested`, `part_request_cancelled`, `part_issued`,
   * `part_returned`, and `part_request_withdrawn`, whose `toStatus` is the status its job closed to).
   */
  part: TimelinePart | null
}

export interface TimelineQuote {
  labourFen: number
  partsFen: number
  discountFen: number
  totalFen: number
  /** Over the shop's limit: the manager approves it as well as the customer. */
  managerRequired: boolean
  /** What the technician wrote with it (the work it covers). */
  note: string
}

export interface TimelinePart {
  partNumber: string
  partName: string
  quantity: number
  serial: string | null
}

export interface ArrivalCondition {
  scratches: boolean
  cracks: boolean
  liquidMarks: boolean
  /**
   * The serial or the warranty card was altered, or does not match the unit: a void condition
   * (《部分商品修理更换退货责任规定》第十八条(四); 《移动电话机…》 and 《微型计算机…》 list it too).
   * Absent on jobs taken in before it was asked.
   */
  serialMismatch?: boolean
  note: string
}

export interface AccessoriesLeft {
  items: Accessory[]
  note: string
}

export interface WorkOrderRights {
  benchWork: boolean
  quote: boolean
  customerDecision: boolean
  managerDecision: boolean
  assign: boolean
  editNotes: boolean
  /** Add a note to a closed order (the notes themselves stay as they were at the close). */
  addNoteAfterClose: boolean
  /** Record why a warranty repair waits (the 三包 waiting limits). */
  setWaiting: boolean
  pickup: boolean
  reopen: boolean
  viewCustomer: boolean
  viewDeviceHistory: boolean
}

export interface WorkOrderDetail extends WorkOrderSummary {
  intakeChannel: IntakeChannel
  symptomCode: string | null
  condition: ArrivalCondition
  accessories: AccessoriesLeft
  /** Whether a passcode was left; its value only reaches the assigned technician and managers. */
  hasPasscode: boolean
  passcode: string | null
  estimateFen: number
  depositFen: number
  faultLocationCode: string | null
  faultCauseCode: string | null
  diagnosis: string
  internalNote: string
  customerNote: string
  closeReason: string
  customer: Customer
  device: Device
  labour: LabourLine[]
  quote: Quote | null
  /**
   * What a new quote starts from (the labour lines, the parts issued or still asked for, the
   * diagnosis): null when this caller may not quote the order now.
   */
  quoteDraft: QuoteDraft | null
  events: TimelineEvent[]
  reopenedFrom: { id: string; number: string } | null
  reopenedAs: { id: string; number: string }[]
  pickedUpAt: string | null
  /** What a comeback of this collected order opens as today (null while not collected). */
  comebackAs: ComebackCover | null
  /** The statuses this caller may move the order to now (the main process checks again). */
  allowedTransitions: WorkOrderStatus[]
  /** The other actions this caller may take now (the main process checks again). */
  can: WorkOrderRights
  readOnly: boolean
}

const fen = z.number().int().min(0).max(100_000_000)
export const statusSchema = z.enum(WORK_ORDER_STATUSES)
export const serviceTypeSchema = z.enum(SERVICE_TYPES)

const existingOrNew = <F extends z.ZodType>(fields: F) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('existing'), id }).strict(),
    z.object({ kind: z.literal('new'), fields }).strict()
  ])

export const intakeSchema = z
  .object({
    customer: existingOrNew(customerFieldsSchema.strict()),
    device: existingOrNew(deviceFieldsSchema.strict()),
    serviceType: serviceTypeSchema,
    intakeChannel: z.enum(INTAKE_CHANNELS),
    reportedFault: multiLineText(500),
    symptomCode: codeSchema.nullable().default(null),
    condition: z
      .object({
        scratches: z.boolean(),
        cracks: z.boolean(),
        liquidMarks: z.boolean(),
        serialMismatch: z.boolean().default(false),
        note: optionalText(200)
      })
      .strict(),
    accessories: z
      .object({ items: z.array(z.enum(ACCESSORIES)).max(ACCESSORIES.length), note: optionalText(200) })
      .strict(),
    passcode: z
      .object({ consent: z.boolean(), value: untrimmedSingleLineString().max(40).default('') })
      .strict()
      .refine((p) => p.consent || p.value === '', { message: 'validation.passcodeWithoutConsent', path: ['value'] }),
    estimateFen: fen.default(0),
    depositFen: fen.default(0),
    /** How the deposit was paid; it goes into the till now and is applied at checkout. */
    depositMethod: z.enum(PAYMENT_METHODS).default('cash'),
    promisedDate: calendarDate.nullable().default(null),
    /** When the fault appeared (null: today); never in the future nor before the purchase. */
    faultDate: calendarDate.nullable().default(null)
  })
  .strict()

export const workOrderListSchema = z
  .object({
    search: z.string().trim().max(50).default(''),
    statuses: z.array(statusSchema).max(WORK_ORDER_STATUSES.length).default([]),
    technicianId: id.optional(),
    /** Only the caller's own jobs (a technician's queue). */
    mine: z.boolean().default(false),
    serviceType: serviceTypeSchema.optional(),
    /** Intake date range, shop calendar days, inclusive. */
    fromDate: calendarDate.optional(),
    toDate: calendarDate.optional(),
    overdue: z.boolean().default(false),
    /** The home's queues, each as its tile counts it (src-main/features/workOrders/queues.ts). */
    promisedToday: z.boolean().default(false),
    comebacks: z.boolean().default(false),
    stuck: z.boolean().default(false),
    ...pageInput
  })
  .strict()

export interface BoardColumn {
  status: WorkOrderStatus
  total: number
  cards: WorkOrderSummary[]
}

export interface Technician {
  id: string
  displayName: string
  openJobs: number
}

const workOrderId = { id }

export const workOrdersContract = {
  /** Check-in: finds or creates the customer and device and opens the work order in one go. */
  'workOrders.create': operation<{ workOrder: WorkOrderDetail; claimCode: string }>()(intakeSchema),
  'workOrders.get': operation<WorkOrderDetail>()(
    z.union([z.object(workOrderId).strict(), z.object({ number: z.string().trim().min(1).max(30) }).strict()])
  ),
  'workOrders.list': operation<Page<WorkOrderSummary>>()(workOrderListSchema),
  'workOrders.board': operation<BoardColumn[]>()(z.object({ mine: z.boolean().default(false) }).strict()),
  'workOrders.technicians': operation<Technician[]>()(z.object({}).strict()),
  'workOrders.transition': operation<WorkOrderDetail>()(
    z.object({ ...workOrderId, to: statusSchema, note: optionalText(500), reason: optionalText(500) }).strict()
  ),
  'workOrders.assign': operation<WorkOrderDetail>()(z.object({ ...workOrderId, technicianId: id.nullable() }).strict()),
  'workOrders.diagnose': operation<WorkOrderDetail>()(
    z
      .object({
        ...workOrderId,
        faultLocationCode: codeSchema.nullable(),
        faultCauseCode: codeSchema.nullable(),
        diagnosis: optionalMultiLineText(1000)
      })
      .strict()
  ),
  'workOrders.addLabour': operation<WorkOrderDetail>()(
    z
      .object({ ...workOrderId, description: text(100), minutes: z.number().int().min(0).max(6000), priceFen: fen })
      .strict()
  ),
  'workOrders.removeLabour': operation<WorkOrderDetail>()(z.object({ ...workOrderId, labourId: id }).strict()),
  /** The notes of an open order; a closed one keeps them as they stood at the close. */
  'workOrders.updateNotes': operation<WorkOrderDetail>()(
    z
      .object({ ...workOrderId, internalNote: optionalMultiLineText(1000), customerNote: optionalMultiLineText(1000) })
      .strict()
  ),
  /**
   * A note added to a closed order (picked up, cancelled, returned unrepaired), e.g. the customer
   * called back: kept in the shop, on the timeline with who and when, marked as after the close.
   */
  'workOrders.addNoteAfterClose': operation<WorkOrderDetail>()(
    z.object({ ...workOrderId, note: multiLineText(1000) }).strict()
  ),
  /** A paid repair's quote; moves the order to awaiting approval. */
  'workOrders.quote': operation<WorkOrderDetail>()(
    z
      .object({ ...workOrderId, labourFen: fen, partsFen: fen, discountFen: fen, note: optionalText(300) })
      .strict()
      .refine((quote) => quote.discountFen <= quote.labourFen + quote.partsFen, {
        message: 'validation.discountTooLarge',
        path: ['discountFen']
      })
  ),
  'workOrders.customerDecision': operation<WorkOrderDetail>()(
    z
      .object({ ...workOrderId, approved: z.boolean(), channel: z.enum(DECISION_CHANNELS), note: optionalText(300) })
      .strict()
  ),
  'workOrders.managerDecision': operation<WorkOrderDetail>()(
    z.object({ ...workOrderId, approved: z.boolean(), note: optionalText(300) }).strict()
  ),
  /** Quotes waiting for a manager, oldest first. */
  'workOrders.approvals': operation<WorkOrderSummary[]>()(z.object({}).strict()),
  /** Why a warranty repair waits (no parts from the maker, the repairer's own delay) and since when; null: no longer. */
  'workOrders.setWaiting': operation<WorkOrderDetail>()(
    z
      .object({
        ...workOrderId,
        waiting: z
          .object({ cause: z.enum(WAITING_CAUSES), since: calendarDate })
          .strict()
          .nullable()
      })
      .strict()
  ),
  /**
   * Hands the device over: needs the claim code, or the customer's phone, plus confirmation. A job
   * with something to bill must be checked out first, unless a manager lets it go unpaid with a
   * reason (the caller, when a manager, or one who types their name and password on the spot).
   */
  'workOrders.pickup': operation<WorkOrderDetail>()(
    z
      .object({
        ...workOrderId,
        claimCode: z.string().trim().max(10).default(''),
        phone: z.string().trim().max(30).default(''),
        confirmed: z.literal(true),
        unpaidOverride: z
          .object({ reason: text(300), managerApproval: managerOnTheSpotSchema.optional() })
          .strict()
          .optional()
      })
      .strict()
      .refine((input) => input.claimCode !== '' || input.phone !== '', {
        message: 'validation.claimCodeOrPhone',
        path: ['claimCode']
      })
  ),
  /**
   * A comeback: a new work order linked to the picked-up one, of the kind `comebackAs` says; with
   * the kind the screen showed, refused when it is no longer that (the day or the settings moved).
   */
  'workOrders.reopen': operation<{ workOrder: WorkOrderDetail; claimCode: string }>()(
    z.object({ ...workOrderId, reason: text(500), expectedServiceType: serviceTypeSchema.optional() }).strict()
  ),
  /**
   * At check-in: the device's last collected job when a comeback of it would be free under the
   * shop's own repair warranty today, so the counter does not bill the customer for it again.
   */
  'workOrders.freeComeback': operation<FreeComeback | null>()(z.object({ deviceId: id }).strict()),
  /**
   * At check-in: the device's job still open, if any. Check-in refuses a second job for it
   * (errors.deviceOnOpenJob), so the counter is shown this one before anything is typed in vain.
   */
  'workOrders.openJobOfDevice': operation<OpenJobOfDevice | null>()(z.object({ deviceId: id }).strict())
}
