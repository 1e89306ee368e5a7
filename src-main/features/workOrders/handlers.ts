import { signedInUser, type CallContext, type HandlersOf } from '../../rpc/handler'
import { shopCalendar } from './calendar'
import { freeComebackOf } from './comebackCover'
import { loadWorkOrderDetail } from './detail'
import { findWorkOrderIdByNumber } from './lookup'
import { openJobOfDevice } from './openJob'
import { openWorkOrder } from './repairs/intake'
import { assignTechnician, pickUp, transitionWorkOrder } from './repairs/lifecycle'
import { reopenWorkOrder } from './repairs/comeback'
import { approvalsQueue, giveQuote, recordCustomerDecision, recordManagerDecision } from './repairs/quotes'
import { addLabour, addNoteAfterClose, diagnose, removeLabour, updateNotes } from './repairs/technicianWork'
import { setWaiting } from './repairs/waiting'
import { listWorkOrders, workOrderBoard } from './summaries'
import { listTechnicians } from './technicians'

/*
 * The work-order feature. Its root files are the kernel every other feature may build on: the
 * order's tables, lookup, records, detail, rights, guards, timeline and ports. Its repairs/
 * folder holds the repair workflow (check-in, status changes, quotes, the technician's work),
 * which builds on the kernel like any feature and is registered only here.
 */

const calendarOf = (ctx: CallContext) => shopCalendar(ctx.app.db, ctx.now)

export const workOrdersHandlers: HandlersOf<'workOrders'> = {
  'workOrders.create': (ctx, input) => openWorkOrder(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.get': async (ctx, input) => {
    const id = 'id' in input ? input.id : await findWorkOrderIdByNumber(ctx.app.db, input.number)
    return loadWorkOrderDetail(ctx.app.db, id, signedInUser(ctx), await calendarOf(ctx))
  },
  'workOrders.list': async (ctx, input) =>
    listWorkOrders(ctx.app.db, signedInUser(ctx), input, await calendarOf(ctx), ctx.now),
  'workOrders.board': async (ctx, input) =>
    workOrderBoard(ctx.app.db, signedInUser(ctx), input.mine, await calendarOf(ctx)),
  'workOrders.technicians': (ctx) => listTechnicians(ctx.app.db),
  'workOrders.transition': (ctx, input) => transitionWorkOrder(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.assign': (ctx, input) => assignTechnician(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.diagnose': (ctx, input) => diagnose(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.addLabour': (ctx, input) => addLabour(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.removeLabour': (ctx, input) => removeLabour(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.updateNotes': (ctx, input) => updateNotes(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.addNoteAfterClose': (ctx, input) => addNoteAfterClose(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.quote': (ctx, input) => giveQuote(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.customerDecision': (ctx, input) => recordCustomerDecision(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.managerDecision': (ctx, input) => recordManagerDecision(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.approvals': (ctx) => approvalsQueue(ctx.app.db, ctx.now),
  'workOrders.pickup': (ctx, input) => pickUp(ctx.app.db, ctx.app.sessions, ctx.now, signedInUser(ctx), input),
  'workOrders.reopen': (ctx, input) => reopenWorkOrder(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'workOrders.freeComeback': async (ctx, input) => freeComebackOf(ctx.app.db, input.deviceId, await calendarOf(ctx)),
  'workOrders.openJobOfDevice': (ctx, input) => openJobOfDevice(ctx.app.db, input.deviceId),
  'workOrders.setWaiting': (ctx, input) => setWaiting(ctx.app.db, ctx.now, signedInUser(ctx), input)
}
