import { DEFAULT_REPAIR_WARRANTY_DAYS } from '../../src-shared/contract/settings'
import { comebackCover } from '../../src-shared/domain/comeback'
import type { ServiceType } from '../../src-shared/domain/repairTypes'
import { DEFAULT_TIME_ZONE, shopLocalDate } from '../../src-shared/domain/timeZone'
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
  /** with when the device is out of the shop again (its last job closed), Infinity while never collected */
  devices: { index: number; kind: DeviceKind; freeFrom: number }[]
}

/**
 * From when to when the job keeps its device in the shop: a device is on one open job at a time
 * (a second check-in is refused), so a later visit with it is planned only once this has passed.
 */
function timeInShop(job: Job): { from: number; to: number } {
  return { from: job.spec.intakeAt, to: job.ending === 'uncollected' ? Infinity : job.steps.at(-1)!.at }
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
  const clientele = new Clientele(random, options.customers)
  const comebacks = Math.round(options.workOrders * 0.01)
  const jobs = intakeMoments(random, options, options.workOrders - comebacks).map((intakeAt) =>
    walkIn(random, registry, clientele, intakeAt)
  )
  jobs.push(...repairComebacks(random, registry, jobs, comebacks))
  const steps = jobs.flatMap((job) => job.steps)
  steps.push(...registrationsWithoutJob(random, clientele, options))
  return { steps, jobs }
}

/** The customers and devices the shop knows by the time of each intake, by index. */
class Clientele {
  readonly customers: KnownCustomer[] = []
  private readonly mobiles = new MobileBook()
  private readonly serials = new SerialBook()
  private devices = 0

  constructor(
    private readonly random: Random,
    /** How many customers the history ends with. */
    readonly wanted: number
  ) {}

  /** Someone the shop has not met, with a mobile number no other customer has. */
  newCustomer(): { owner: KnownCustomer; fields: CustomerDraft } {
    const fields = customerDraft(this.random, this.mobiles)
    const owner: KnownCustomer = { index: this.customers.length, mobile: fields.mobile, devices: [] }
    this.customers.push(owner)
    return { owner, fields }
  }

  /** A device the owner brings for the first time, bought some time before the day it comes in. */
  newDevice(owner: KnownCustomer, at: number): Known<DeviceDraft> {
    const fields = deviceDraft(this.random, this.serials, new Date(at))
    owner.devices.push({ index: this.devices, kind: fields.kind, freeFrom: Infinity })
    return { kind: 'new', index: this.devices++, fields }
  }
}

/** The moments the walk-ins come in, in time order, spread over the history's opening hours. */
function intakeMoments(random: Random, options: HistoryOptions, count: number): number[] {
  return Array.from({ length: count }, () =>
    duringOpeningHours(options.from + random.next() * (options.to - options.from), random)
  ).sort((a, b) => a - b)
}

/**
 * Someone brings a device in: mostly a new customer until the shop knows as many as the history
 * ends with, otherwise one who has been before, with a device the shop knows or a new one.
 */
function walkIn(random: Random, registry: Registry, clientele: Clientele, intakeAt: number): Job {
  const { customers } = clientele
  let customer: Known<CustomerDraft>
  let owner: KnownCustomer
  if (customers.length === 0 || (customers.length < clientele.wanted && random.chance(0.75))) {
    const met = clientele.newCustomer()
    owner = met.owner
    customer = { kind: 'new', index: owner.index, fields: met.fields }
  } else {
    owner = random.pick(customers)
    customer = { kind: 'existing', index: owner.index }
  }
  // A device still in the shop on an earlier job cannot be brought in again.
  const outOfShop = owner.devices.filter((known) => known.freeFrom < intakeAt)
  const device: Known<DeviceDraft> =
    customer.kind === 'existing' && outOfShop.length > 0 && random.chance(0.5)
      ? { kind: 'existing', index: random.pick(outOfShop).index }
      : clientele.newDevice(owner, intakeAt)
  const known = owner.devices.find((d) => d.index === device.index)!
  let serviceType = random.weighted(SERVICE_TYPES)
  if (serviceType === 'installation' && kindOf(known.kind).installations.length === 0) serviceType = 'paid_repair'
  const job = new Job(random, registry, {
    intakeAt,
    customer,
    mobile: owner.mobile,
    device,
    deviceKind: known.kind,
    serviceType
  })
  known.freeFrom = timeInShop(job).to
  return job
}

/**
 * The same fault again, days or weeks after collection: a collected repair is reopened, as the
 * kind of job the shop opens a comeback as (under the brand's warranty or the shop's own, or paid
 * once the shop's repair warranty is over).
 */
function repairComebacks(random: Random, registry: Registry, jobs: readonly Job[], count: number): Job[] {
  const repairs = (job: Job): job is Job & { spec: { serviceType: 'paid_repair' | 'warranty_repair' } } =>
    job.spec.serviceType === 'paid_repair' || job.spec.serviceType === 'warranty_repair'
  const collected = jobs.filter((job) => job.pickedUpAt !== null && repairs(job))
  const comebacks: Job[] = []
  for (let i = 0; i < count && collected.length > 0; i++) {
    const previous = collected.splice(random.int(0, collected.length - 1), 1)[0]!
    const intakeAt = duringOpeningHours(previous.pickedUpAt! + random.int(3, 25) * DAY, random)
    const day = (at: number) => shopLocalDate(new Date(at), DEFAULT_TIME_ZONE)
    const { serviceType } = comebackCover(
      {
        serviceType: previous.spec.serviceType as 'paid_repair' | 'warranty_repair',
        pickedUpOn: day(previous.pickedUpAt!),
        didWork: true
      },
      day(intakeAt),
      DEFAULT_REPAIR_WARRANTY_DAYS
    )
    const comeback = new Job(random, registry, { ...previous.spec, intakeAt, serviceType }, previous)
    // Brought in again meanwhile on a job of its own: that visit stands, this comeback is not planned.
    const stay = timeInShop(comeback)
    const overlaps = (job: Job) => {
      const other = timeInShop(job)
      return job.spec.device.index === previous.spec.device.index && other.from <= stay.to && stay.from <= other.to
    }
    if (!jobs.some(overlaps) && !comebacks.some(overlaps)) comebacks.push(comeback)
  }
  return comebacks
}

/** People who asked at the counter and were registered, but have not left a job (yet). */
function registrationsWithoutJob(random: Random, clientele: Clientele, options: HistoryOptions): Step[] {
  const steps: Step[] = []
  while (clientele.customers.length < clientele.wanted) {
    const { fields } = clientele.newCustomer()
    // Before today, so that all of them exist whatever the hour the demo is made.
    const at = duringOpeningHours(options.from + random.next() * (options.to - DAY - options.from), random)
    const desk = random.pick(DESK)
    steps.push({ at, run: async (counter) => void (await counter.call(desk, 'customers.create', fields)) })
  }
  return steps
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
