import { signedInUser, type HandlersOf } from '../../../rpc/handler'
import { shopCalendar } from '../../workOrders/calendar'
import { historyOf } from '../../workOrders/summaries'
import { createDevice, findBySerial, updateDevice } from './devices'

export const devicesHandlers: HandlersOf<'devices'> = {
  'devices.findBySerial': (ctx, input) => findBySerial(ctx.app.db, input.serial),
  'devices.create': (ctx, input) => createDevice(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'devices.update': (ctx, input) => updateDevice(ctx.app.db, ctx.now, signedInUser(ctx), input),
  'devices.history': async (ctx, input) =>
    historyOf(ctx.app.db, { deviceId: input.id }, await shopCalendar(ctx.app.db, ctx.now))
}
