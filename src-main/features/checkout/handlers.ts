import type { HandlersOf } from '../../rpc/handler'
import { signedInUser } from '../../rpc/handler'
import { issueCreditNote } from './creditNote'
import { checkoutDraft } from './draft'
import { invoiceIdByNumber, invoicesOfWorkOrder, loadInvoice } from './invoices'
import { payWorkOrder } from './pay'
import { recordTaxInvoiceNumber } from './taxInvoice'
import { listWarrantyClaims } from './claims/list'
import { fileClaims, markClaim } from './claims/filing'
import { exportClaimSheet } from './claims/sheet'

export const checkoutHandlers: HandlersOf<'checkout'> = {
  'checkout.draft': (ctx, input) => checkoutDraft(ctx.app.db, input.workOrderId),
  'checkout.pay': (ctx, input) => payWorkOrder(ctx.app.db, ctx.app.sessions, ctx.now, signedInUser(ctx), input),
  'checkout.get': async (ctx, input) =>
    loadInvoice(ctx.app.db, 'id' in input ? input.id : await invoiceIdByNumber(ctx.app.db, input.number)),
  'checkout.forWorkOrder': (ctx, input) => invoicesOfWorkOrder(ctx.app.db, input.workOrderId),
  'checkout.recordTaxInvoice': (ctx, input) => recordTaxInvoiceNumber(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'checkout.creditNote': (ctx, input) => issueCreditNote(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'checkout.claims': (ctx, input) => listWarrantyClaims(ctx.app.db, input),
  'checkout.markClaim': (ctx, input) => markClaim(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'checkout.fileClaims': (ctx, input) => fileClaims(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'checkout.exportClaims': (ctx, input) => exportClaimSheet(ctx.app.db, ctx.now, input)
}
