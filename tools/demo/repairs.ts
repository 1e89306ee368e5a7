import type { ServiceType } from '../../src-shared/domain/repairTypes'
import { deviceDraft, kindOf, SerialBook, type DeviceDraft, type DeviceKind } from './catalog'
import { DAY, duringOpeningHours, type Counter } from './counter'
import { DESK, Job, type Known, type Registry, type Step } from './lifecycle'
import { customerDraft, MobileBook, type CustomerDraft } from './people'
import type { Random } from './random'

export interface HistoryOptions {
  /** The history covers [from, to); steps after the real now are left out when it runs. */
  from: number
  to: number
  customers: number
  workOrders: number
}

interface KnownCustomer {
  index: number
  mobile: string
  devices: { index: number; kind: DeviceKind }[]
}

const SERVICE_TYPES: [ServiceType, number][] = [
  ['warranty_repair', 45],
  ['paid_repair', 40],
  ['installation', 8],
  ['inspection', 7]
]

/**
 * The shop's last few months, planned as dated steps: walk-ins at opening hours, a quarter of
 * them returning customers (with a device the shop knows or a new one), warranty comebacks on
 * some collected repairs, and customers registered without a job. The jobs come back with the
 * steps, for the till's plan.
 */
export function planHistory(
  random: Random,
  registry: Registry,
  options: HistoryOptions
): { steps: Step[]; jobs: Job[] } {
  const mobiles = new MobileBook()
  const serials = new SerialBook()
  const customers: KnownCustomer[] = []
  let devices = 0
  const newDevice = (owner: KnownCustomer, at: number): Known<DeviceDraft> => {
    const fields = deviceDraft(random, serials, new Date(at))
    owner.devices.push({ index: devices, kind: fields.kind })
    return { kind: 'new', index: devices++, fields }
  }

  const comebacks = Math.round(options.workOrders * 0.01)
  const intakes = Array.from({ length: options.workOrders - comebacks }, () =>
    duringOpeningHours(options.from + random.next() * (options.to - options.from), random)
  ).sort((a, b) => a - b)

  const jobs: Job[] = []
  for (const intakeAt of intakes) {
    let customer: Known<CustomerDraft>
    let owner: KnownCustomer
    if (customers.length === 0 || (customers.length < options.customers && random.chance(0.75))) {
      const fields = customerDraft(random, mobiles)
      owner = { index: customers.length, mobile: fields.mobile, devices: [] }
      customers.push(owner)
      customer = { kind: 'new', index: owner.index, fields }
    } else {
      owner = random.pick(customers)
      customer = { kind: 'existing', index: owner.index }
    }
    const device: Known<DeviceDraft> =
      customer.kind === 'existing' && random.chance(0.5)
        ? { kind: 'existing', index: random.pick(owner.devices).index }
        : newDevice(owner, intakeAt)
    const deviceKind =
      device.kind === 'new' ? device.fields.kind : owner.devices.find((d) => d.index === device.index)!.kind
    let serviceType = random.weighted(SERVICE_TYPES)
    if (serviceType === 'installation' && kindOf(deviceKind).installations.length === 0) serviceType = 'paid_repair'
    jobs.push(new Job(random, registry, { intakeAt, customer, mobile: owner.mobile, device, deviceKind, serviceType }))
  }

  // Warranty comebacks: the same fault again, days or weeks after collection.
  const collected = jobs.filter((job) => job.pickedUpAt !== null && job.spec.serviceType !== 'installation')
  for (let i = 0; i < comebacks && collected.length > 0; i++) {
    const previous = collected.splice(random.int(0, collected.length - 1), 1)[0]!
    const intakeAt = duringOpeningHours(previous.pickedUpAt! + random.int(3, 25) * DAY, random)
    jobs.push(new Job(random, registry, { ...previous.spec, intakeAt, serviceType: 'warranty_repair' }, previous))
  }

  const steps = jobs.flatMap((job) => job.steps)
  // People who asked at the counter and were registered, but have not left a job (yet).
  while (customers.length < options.customers) {
    const fields = customerDraft(random, mobiles)
    customers.push({ index: customers.length, mobile: fields.mobile, devices: [] })
    // Before today, so that all of them exist whatever the hour the demo is made.
    const at = duringOpeningHours(options.from + random.next() * (options.to - DAY - options.from), random)
    const desk = random.pick(DESK)
    steps.push({ at, run: async (counter) => void (await counter.call(desk, 'customers.create', fields)) })
  }
  return { steps, jobs }
}

/** Runs the steps in time order with the clock at each step's moment; steps after now have not happened. */
export async function runHistory(
  steps: Step[],
  counter: Counter,
  setTime: (ms: number) => void,
  now: number
): Promise<number> {
  const due = steps.filter((step) => step.at <= now).sort((a, b) => a.at - b.at)
  for (const step of due) {
    setTime(step.at)
    await step.run(counter)
  }
  return due.length
}
