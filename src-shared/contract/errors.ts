/** Stable error codes that cross the host boundary. The UI translates `messageKey`, never a stack. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'SIGN_IN_THROTTLED',
  'ALREADY_INITIALIZED',
  'NOT_INITIALIZED',
  'UNKNOWN_OPERATION',
  'INVALID_TRANSITION',
  'APPROVAL_REQUIRED',
  'CLAIM_CODE_MISMATCH',
  'READ_ONLY',
  'STOCK_INSUFFICIENT',
  // The shop network: a desk whose credential an admin revoked, or a client that never paired.
  'DESK_REVOKED',
  'DESK_NOT_PAIRED',
  // A desk whose app is another release than the shop server's: it must be updated to the server's.
  'DESK_RELEASE_MISMATCH',
  // Raised by the desk's own client, never by the server: the server's certificate is not the pinned one.
  'SHOP_SERVER_CERTIFICATE_CHANGED',
  'PAIRING_THROTTLED',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The message an error gets when its code says all there is to say. */
const CODE_KEYS = ERROR_CODES.map((code) => `errors.${code}` as const)

/** Errors that say more than their code: what was not found, which rule refused the action. */
const SPECIFIC_ERROR_KEYS = [
  // The renderer's own, when the host cannot be reached at all.
  'errors.connection',
  // The disk or the database file refused (db/storageFailure.ts): nothing was saved.
  'errors.diskFull',
  'errors.databaseReadOnly',
  'errors.databaseDamaged',
  'errors.diskFailed',
  'errors.adjustmentDecided',
  'errors.adjustmentOutdated',
  'errors.adjustmentNeedsSerial',
  'errors.alreadyCheckedOut',
  'errors.alreadyExchanged',
  'errors.alreadyReopened',
  'errors.jobNotReady',
  'errors.followUpNotFound',
  'errors.followUpClosed',
  'errors.complaintNotFound',
  'errors.complaintMove',
  'errors.billDiffersFromQuote',
  'errors.billChanged',
  'errors.approverNotManager',
  'errors.batchStep',
  'errors.batchAtHq',
  'errors.bodyTooLarge',
  'errors.cannotDisableSelf',
  'errors.claimCodeMismatch',
  'errors.creditNoteOfCreditNote',
  'errors.counterSaleNotFound',
  'errors.refundOfRefund',
  'errors.currentPasswordWrong',
  'errors.customerNotFound',
  'errors.customerErased',
  'errors.changedElsewhere',
  'errors.dayCloseChanged',
  'errors.deviceNotFound',
  'errors.discountNeedsManager',
  'errors.handOverUnpaid',
  'errors.handOverUnpaidNeedsManager',
  'errors.taxInvoiceOnReceiptOnly',
  'errors.duplicateCard',
  'errors.duplicateMobile',
  'errors.duplicatePhone',
  'errors.duplicateSerial',
  'errors.duplicateUnit',
  'errors.exchangeNotDue',
  'errors.refundNotDue',
  'errors.accessoryExchangeNotDue',
  'errors.accessoryRefundNotDue',
  'errors.accessoryAlreadyRefunded',
  'errors.accessoryPriceUnknown',
  'errors.alreadyRefunded',
  'errors.faultDateBeforePurchase',
  'errors.faultDateBeforeExchange',
  'errors.faultDateInFuture',
  'errors.waitingOnlyWarranty',
  'errors.waitingSinceOutOfRange',
  'errors.faultyAlreadyPacked',
  'errors.faultyNotAwaiting',
  'errors.invoiceNotFound',
  'errors.lastAdmin',
  'errors.malformedJson',
  'errors.methodNotAllowed',
  'errors.noQuoteAwaitingCustomer',
  'errors.noQuoteAwaitingManager',
  'errors.noWarrantyPolicy',
  'errors.notBillableYet',
  'errors.nothingToClose',
  'errors.notYourJob',
  'errors.notesKeptAtClose',
  'errors.partCodeUnknown',
  'errors.partInactive',
  'errors.partNotFound',
  'errors.partNotInStocktake',
  'errors.phoneMismatch',
  'errors.productModelNotFound',
  'errors.quoteOnlyForPaid',
  'errors.recountNeeded',
  'errors.reopenOnlyPickedUp',
  'errors.comebackKindChanged',
  'errors.deviceOnOpenJob',
  'errors.blindSerialsNeedManager',
  'errors.deliveryAlreadyReceived',
  'errors.requestNotOpen',
  'errors.serialAlreadyIssued',
  'errors.serialAlreadyOnHand',
  'errors.serialNotOnHand',
  'errors.stocktakeClosed',
  'errors.stocktakeLinePosted',
  'errors.stocktakeNeedsManager',
  'errors.stocktakeOverlaps',
  'errors.tooManyPhonesToMerge',
  'errors.tooManyWrongProofs',
  'errors.usePickup',
  'errors.useQuote',
  'errors.userNotFound',
  'errors.usernameTaken',
  'errors.warrantyUnitNotFound',
  'errors.workOrderBilled',
  'errors.workOrderClosed',
  'errors.workOrderNotFound',
  'errors.workOrderStillOpen',
  // A shop's code lists.
  'codes.voidsOnlyFaultCause',
  // A warranty import's steps, refused.
  'warranty.import.alreadyApplied',
  'warranty.import.alreadyRun',
  'warranty.import.chunkOrder',
  'warranty.import.jobNotFound',
  'warranty.import.mappingRequired',
  'warranty.import.notUploading',
  'warranty.import.tooManyBytes',
  'warranty.import.uploadIncomplete',
  // Backups and restore.
  'backups.copyDamaged',
  'backups.copyNotFound',
  'backups.copyNotAShop',
  'backups.copyTooNew',
  'backups.folderMissing',
  'backups.folderNotAbsolute',
  'backups.notAvailable',
  'backups.restoreFailed',
  'backups.restoreLeavesNoAdmin',
  'backups.droppedMoneyOnRecord',
  'backups.droppedMoneyNeedsManager',
  'backups.droppedMoneyAlreadyDealtWith',
  'backups.droppedMoneyCountedNotReEntered',
  'errors.sessionEndedByRestore',
  // Enrolment with HQ, and HQ's data refused at the shop.
  'sync.certificateChanged',
  'sync.enrolCodeExpired',
  'sync.enrolCodeInvalid',
  'sync.hqOwned',
  'sync.hqRefused',
  'sync.hqUnreachable',
  'sync.notEnrolled',
  'sync.notHeld',
  // Claims the shop files with the brand itself.
  'claims.movesWithHq',
  'claims.stepNotAllowed',
  'claims.toFileChanged',
  'validation.claimPaidAmount',
  // The shop network.
  'errors.pairingCodeWrong',
  'errors.deskNotFound',
  'errors.requestIdReused',
  'errors.requestSavedAnswerLost',
  'errors.sessionOfAnotherDesk',
  // Reports: a corrective action that is not there.
  'errors.faultActionNotFound'
] as const

/**
 * What is wrong with one field of the input (`FieldIssue.messageKey`): the contract's own rules
 * (zod messages), zod's built-in checks (rpc/validation.ts) and the services' checks.
 */
const FIELD_KEYS = [
  'validation.dateRange',
  'validation.badAmount',
  'validation.barcode',
  'validation.barcodeRepeated',
  'validation.barcodeTaken',
  'validation.codeTaken',
  'validation.brandPaysOnlyWarranty',
  'validation.shopPaysOnlyShopWarranty',
  'validation.shopWarrantyOnlyComeback',
  'validation.shopBearsOnlyTheJob',
  'validation.claimCodeOrPhone',
  'validation.code',
  'validation.controlCharacter',
  'validation.dateInFuture',
  'validation.dateInPast',
  'validation.scoresRequired',
  'validation.templateUnknownFields',
  'validation.templateNeedsClaimCode',
  'validation.differenceNeedsNote',
  'validation.discountTooLarge',
  'validation.effectiveFromPast',
  'validation.invalid',
  'validation.httpsAddress',
  'validation.invalidChoice',
  'validation.invalidType',
  'validation.logoFormat',
  'validation.logoTooLarge',
  'validation.mergeSame',
  'validation.nameReservedForErased',
  'validation.mobile',
  'validation.moreThanIssued',
  'validation.moreThanLeftToCredit',
  'validation.noPartsInScope',
  'validation.nonCashOverpays',
  'validation.nonZero',
  'validation.notATechnician',
  'validation.notOnInvoice',
  'validation.notAPartLine',
  'validation.noSellingPrice',
  'validation.moreThanLeftToRefund',
  'validation.oneSerialOneUnit',
  'validation.paperDoesNotFit',
  'validation.partNotSerialTracked',
  'validation.partNumber',
  'validation.partNumberIsBarcode',
  'validation.partNumberTaken',
  'validation.passcodeWithoutConsent',
  'validation.phone',
  'validation.policyTarget',
  'validation.positive',
  'validation.required',
  'validation.serial',
  'validation.serialRequired',
  'validation.serialsPerUnit',
  'validation.serialsRepeated',
  'validation.missingSerialsRequired',
  'validation.moreSerialsThanShort',
  'validation.foundSerialsRequired',
  'validation.moreSerialsThanOver',
  'validation.timeZone',
  'validation.tooBig.array',
  'validation.tooBig.number',
  'validation.tooBig.string',
  'validation.tooSmall.array',
  'validation.tooSmall.number',
  'validation.tooSmall.string',
  'validation.underpaid',
  'validation.unknownCode',
  'validation.unknownField',
  'validation.unknownModel',
  'validation.username',
  'validation.zeroPriceUnconfirmed',
  'warranty.import.mappingColumn'
] as const

/**
 * Every message key an error or a field issue can carry across the host boundary, in one list:
 * creating an error with a key not in it is a type error, and a unit test checks that both
 * languages of the renderer translate every one.
 */
export const ERROR_KEYS = [...CODE_KEYS, ...SPECIFIC_ERROR_KEYS, ...FIELD_KEYS] as const

export type ErrorKey = (typeof ERROR_KEYS)[number]

export function isErrorKey(key: string): key is ErrorKey {
  return (ERROR_KEYS as readonly string[]).includes(key)
}

export interface FieldIssue {
  /** Dotted path into the input, e.g. `admin.password`. */
  path: string
  messageKey: ErrorKey
  params?: Record<string, string | number>
}

export interface AppErrorData {
  code: ErrorCode
  messageKey: ErrorKey
  details?: { fields?: FieldIssue[] } & Record<string, unknown>
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageKey: ErrorKey
  readonly details: AppErrorData['details']

  constructor(code: ErrorCode, messageKey?: ErrorKey, details?: AppErrorData['details']) {
    super(messageKey ?? `errors.${code}`)
    this.name = 'AppError'
    this.code = code
    this.messageKey = messageKey ?? `errors.${code}`
    this.details = details
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, messageKey: this.messageKey }
      : { code: this.code, messageKey: this.messageKey, details: this.details }
  }
}

/** A refusal that belongs to one field of the form: shown under that field, nothing changed. */
export function fieldError(path: string, messageKey: ErrorKey, params?: FieldIssue['params']): AppError {
  const issue: FieldIssue = params === undefined ? { path, messageKey } : { path, messageKey, params }
  return new AppError('VALIDATION', 'errors.VALIDATION', { fields: [issue] })
}

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorData }
