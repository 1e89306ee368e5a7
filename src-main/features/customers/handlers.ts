import { signedInUser, type HandlersOf } from '../../rpc/handler'
import { shopCalendar } from '../workOrders/calendar'
import { toCustomer, toDevice } from '../workOrders/parties'
import { historyOf, workOrderCountOf } from '../workOrders/summaries'
import { eraseCustomer } from './erasure'
import { customerHistory } from './history'
import { createCustomer, findLiveCustomer, mergeCustomers, updateCustomer } from './service'
import { searchCustomers } from './search'

export const customersHandlers: HandlersOf<'customers'> = {
  'customers.search': (ctx, input) => searchCustomers(ctx.app.db, input),
  'customers.get': async (ctx, input) => {
    const db = ctx.app.db
    const customer = toCustomer(await findLiveCustomer(db, input.id))
    const devices = await db
      .selectFrom('devices')
      .selectAll()
      .where('customerId', '=', customer.id)
      .orderBy('createdAt', 'desc')
      .execute()
    const workOrders = await historyOf(db, { customerId: customer.id }, await shopCalendar(db, ctx.now))
    const history = input.history
      ? await customerHistory(db, ctx.now, signedInUser(ctx).role, customer)
      : { complaints: null, followUps: null, payments: null }
    const workOrderCount = await workOrderCountOf(db, customer.id, workOrders.length)
    return { customer, devices: devices.map(toDevice), workOrders, workOrderCount, ...history }
  },
  'customers.create': (ctx, input) => createCustomer(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customers.update': (ctx, input) => updateCustomer(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'customers.merge': (ctx, input) =>
    mergeCustomers(ctx.app.db, ctx.now, signedInUser(ctx), input.keepId, input.mergeId),
  'customers.erase': (ctx, input) => eraseCustomer(ctx.app.db, ctx.now, signedInUser(ctx), input.id)
}
