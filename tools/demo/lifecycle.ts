import type { Input } from '../../src-shared/contract'
import type { Accessory, ServiceType } from '../../src-shared/domain/repairTypes'
import { kindOf, type DeviceDraft, type DeviceKind, type Fault } from './catalog'
import { DAY, duringOpeningHours, MINUTE, shopDate, type Counter } from './counter'
import type { CustomerDraft } from './people'
import type { Random } from './random'

/** One thing a member of staff does, at a moment of the simulated past. */
export interface Step {
  at: number
  run: (counter: Counter) => Promise<void>
}

export const DESK = ['liting', 'chenjing'] as const
export const MANAGER = 'wangfang'
const PHONE_TECHNICIANS = ['zhangwei', 'liuyang'] as const
const APPLIANCE_TECHNICIANS = ['huanglei', 'liuyang'] as const

/** Ids the steps need once earlier steps have run: customers and devices by index, staff by user name. */
export interface Registry {
  customers: string[]
  devices: string[]
  staff: Map<string, string>
}

/** A customer or device created at this intake, or one the shop already knows. */
export type Known<T> = { kind: 'new'; index: number; fields: T } | { kind: 'existing'; index: number }

export interface JobSpec {
  intakeAt: number
  customer: Known<CustomerDraft>
  mobile: string
  device: Known<DeviceDraft>
  deviceKind: DeviceKind
  serviceType: ServiceType
}

/** How a job ends (as planned): handed back picked up or unrepaired, cancelled, or not collected. */
export type Ending = 'picked_up' | 'inspected' | 'not_found' | 'no_parts' | 'cancelled' | 'uncollected'

const CANCEL_REASONS = ['客户改变主意，不修了', '客户已购买新机', '客户要求取回，另找他处维修']
const ACCESSORIES: Record<DeviceKind, Accessory[]> = {
  phone: ['charger', 'cable', 'case', 'sim_card', 'memory_card'],
  laptop: ['charger', 'box'],
  tv: ['remote_control'],
  air_conditioner: ['remote_control'],
  washing_machine: []
}

/**
 * One work order's life, planned ahead as dated steps by the staff who would take them: intake,
 * assignment, diagnosis with fault codes, quote and approvals for paid repairs, parts, labour,
 * quality check, ready, pick-up. Some leave early (cancelled, returned unrepaired), some are
 * never collected, and steps later than now simply have not happened yet.
 */
export class Job {
  readonly steps: Step[] = []
  /** The work order once its intake has run. */
  id = ''
  private claimCode = ''
  /** When the customer collected it (planned), for warranty comebacks. */
  pickedUpAt: number | null = null
  /** The member of the front desk who looks after the job. */
  readonly desk: string
  ending: Ending = 'uncollected'
  /** The intake's input (null for a comeback), which the checkout plan may give a deposit. */
  intake: Input<'workOrders.create'> | null = null
  /** The step in which the device goes back to the customer (pick-up or return unrepaired), if any. */
  handover: Step | null = null
  /** The fault the device really has (an installation's work is named apart). */
  private readonly fault: Fault
  private readonly technician: string
  /** What an installation job is for, '' for the other service types. */
  private readonly installationWork: string
  private t: number

  constructor(
    private readonly random: Random,
    private readonly registry: Registry,
    readonly spec: JobSpec,
    private readonly reopenOf: Job | null = null
  ) {
    this.t = spec.intakeAt
    // Who and what the story is about, drawn before any of it is told.
    const kind = kindOf(spec.deviceKind)
    this.fault = random.pick(kind.faults)
    this.desk = random.pick(DESK)
    this.technician = random.pick(
      spec.deviceKind === 'phone' || spec.deviceKind === 'laptop' ? PHONE_TECHNICIANS : APPLIANCE_TECHNICIANS
    )
    this.installationWork = this.installation ? random.pick(kind.installations) : ''
    this.plan()
  }

  private get installation(): boolean {
    return this.spec.serviceType === 'installation'
  }

  private plan(): void {
    if (this.reopenOf) this.planReopen(this.reopenOf)
    else this.planIntake()
    if (!this.reopenOf && this.random.chance(0.03)) return this.planCustomerChangesMind()
    this.planAssignment()
    this.then(20, 480, (c) => c.call(this.technician, 'workOrders.transition', { id: this.id, to: 'diagnosing' }))
    if (!this.installation && !this.planDiagnosis()) return
    if (this.spec.serviceType === 'paid_repair' && !this.planQuote()) return
    const partsToOrder = this.fault.partsFen > 0 && !this.installation && this.random.chance(0.3)
    if (partsToOrder && !this.planWaitForParts()) return
    if (!partsToOrder) this.moveTo('repairing')
    this.planRepairWork()
    this.planQualityCheck()
    this.moveTo('ready_for_pickup')
    if (this.random.chance(0.02)) return // never collected (yet)
    this.planPickup()
  }

  /** Adds a step some minutes after the previous one, during opening hours. */
  private then(minMinutes: number, maxMinutes: number, run: (counter: Counter) => Promise<unknown>): void {
    this.t = duringOpeningHours(this.t + this.random.int(minMinutes, maxMinutes) * MINUTE, this.random)
    this.steps.push({ at: this.t, run: async (counter) => void (await run(counter)) })
  }

  /** A status change some minutes after the previous step, by the technician unless said otherwise. */
  private moveTo(
    to: Input<'workOrders.transition'>['to'],
    extra: { note?: string; reason?: string } = {},
    by: string = this.technician
  ): void {
    this.then(10, 180, (c) => c.call(by, 'workOrders.transition', { id: this.id, to, ...extra }))
  }

  /** The last step planned gave the device back to the customer. */
  private handOver(ending: Ending): void {
    this.ending = ending
    this.handover = this.steps.at(-1)!
  }

  private planIntake(): void {
    const random = this.random
    const { spec, registry, fault, installation, installationWork } = this
    const paid = spec.serviceType === 'paid_repair'
    const phoneLike = spec.deviceKind === 'phone' || spec.deviceKind === 'laptop'
    const estimateFen = paid ? fault.labourFen + fault.partsFen : installation ? 15_000 : 0
    const intake: Input<'workOrders.create'> = {
      customer:
        spec.customer.kind === 'new' ? { kind: 'new', fields: spec.customer.fields } : { kind: 'existing', id: '' },
      device:
        spec.device.kind === 'new'
          ? { kind: 'new', fields: deviceFields(spec.device.fields) }
          : { kind: 'existing', id: '' },
      serviceType: spec.serviceType,
      intakeChannel: phoneLike
        ? random.weighted([
            ['walk_in', 85],
            ['phone_booking', 8],
            ['mail_in', 7]
          ])
        : random.weighted([
            ['walk_in', 30],
            ['phone_booking', 70]
          ]),
      reportedFault: installation ? installationWork : fault.reported,
      symptomCode: installation ? null : fault.symptom,
      condition: {
        scratches: random.chance(0.35),
        cracks: fault.location === 'L02' && phoneLike,
        liquidMarks: fault.cause === 'C03',
        note: random.chance(0.1) ? '边框有磕碰痕迹' : ''
      },
      accessories: { items: ACCESSORIES[spec.deviceKind].filter(() => random.chance(0.3)), note: '' },
      passcode:
        phoneLike && random.chance(0.3) ? { consent: true, value: random.digits(6) } : { consent: false, value: '' },
      estimateFen,
      // The checkout plan decides who leaves a deposit, and how they pay it.
      depositFen: 0,
      promisedDate: random.chance(0.8) ? shopDate(spec.intakeAt + random.int(installation ? 1 : 2, 7) * DAY) : null
    }
    this.intake = intake
    this.steps.push({
      at: spec.intakeAt,
      run: async (counter) => {
        if (spec.customer.kind === 'existing')
          intake.customer = { kind: 'existing', id: registry.customers[spec.customer.index]! }
        if (spec.device.kind === 'existing')
          intake.device = { kind: 'existing', id: registry.devices[spec.device.index]! }
        const opened = await counter.call(this.desk, 'workOrders.create', intake)
        if (spec.customer.kind === 'new') registry.customers[spec.customer.index] = opened.workOrder.customer.id
        if (spec.device.kind === 'new') registry.devices[spec.device.index] = opened.workOrder.device.id
        this.id = opened.workOrder.id
        this.claimCode = opened.claimCode
      }
    })
  }

  /** A comeback: the manager reopens the collected order as a new, linked one. */
  private planReopen(previous: Job): void {
    this.steps.push({
      at: this.spec.intakeAt,
      run: async (counter) => {
        const opened = await counter.call(MANAGER, 'workOrders.reopen', {
          id: previous.id,
          reason: '同一故障复发，客户返修'
        })
        this.id = opened.workOrder.id
        this.claimCode = opened.claimCode
      }
    })
  }

  /** The customer calls it off before any work is done. */
  private planCustomerChangesMind(): void {
    const reason = this.random.pick(CANCEL_REASONS)
    this.then(30, 600, (c) => c.call(this.desk, 'workOrders.transition', { id: this.id, to: 'cancelled', reason }))
    this.ending = 'cancelled'
  }

  /**
   * The desk (or the manager) assigns most jobs; otherwise a technician takes one from the queue
   * by starting its diagnosis.
   */
  private planAssignment(): void {
    if (!this.random.chance(0.6)) return
    const assigner = this.random.chance(0.8) ? this.desk : MANAGER
    const technicianId = this.registry.staff.get(this.technician)!
    this.then(5, 90, (c) => c.call(assigner, 'workOrders.assign', { id: this.id, technicianId }))
  }

  /**
   * The technician's findings with their fault codes. A fault that cannot be found, or a job that
   * was only an inspection, goes back unrepaired: returns false then.
   */
  private planDiagnosis(): boolean {
    const { fault, technician } = this
    const notFound = this.random.chance(0.04)
    const inspectionOnly = this.spec.serviceType === 'inspection' && this.random.chance(0.55)
    this.then(15, 180, (c) =>
      c.call(technician, 'workOrders.diagnose', {
        id: this.id,
        faultLocationCode: notFound ? 'L99' : fault.location,
        faultCauseCode: notFound ? 'C08' : fault.cause,
        diagnosis: notFound ? '多次测试未复现客户所述故障，各项功能正常' : fault.diagnosis
      })
    )
    if (!notFound && !inspectionOnly) return true
    const reason = notFound ? '未检测到故障，原样退回' : '检测完成，已出具检测报告，按退换货流程处理'
    this.moveTo('returned_unrepaired', { reason }, notFound ? technician : this.desk)
    this.handOver(notFound ? 'not_found' : 'inspected')
    return false
  }

  /**
   * The quote, the manager's approval when it is above the shop's threshold (1 000 yuan by
   * default), and the customer's answer. Returns false when the customer says no.
   */
  private planQuote(): boolean {
    const { random, fault, technician, desk } = this
    // A loyalty discount, never more than the work itself.
    const discountFen = random.chance(0.1)
      ? Math.min(random.pick([2_000, 5_000, 10_000]), fault.labourFen + fault.partsFen)
      : 0
    this.then(10, 120, (c) =>
      c.call(technician, 'workOrders.quote', {
        id: this.id,
        labourFen: fault.labourFen,
        partsFen: fault.partsFen,
        discountFen,
        note: discountFen > 0 ? '老客户优惠' : ''
      })
    )
    if (fault.labourFen + fault.partsFen - discountFen > 100_000) {
      // The manager is usually around within hours; often enough the quote waits days.
      const [min, max] = random.chance(0.5) ? [2 * 24 * 60, 6 * 24 * 60] : [20, 480]
      this.then(min, max, (c) =>
        c.call(MANAGER, 'workOrders.managerDecision', { id: this.id, approved: true, note: '' })
      )
    }
    const approved = random.chance(0.85)
    const channel = random.chance(0.7) ? 'phone' : 'in_person'
    this.then(20, 2 * 24 * 60, (c) =>
      c.call(desk, 'workOrders.customerDecision', {
        id: this.id,
        approved,
        channel,
        note: approved ? '' : '客户觉得价格太高'
      })
    )
    if (!approved) {
      this.then(10, 24 * 60, (c) =>
        c.call(desk, 'workOrders.transition', { id: this.id, to: 'cancelled', reason: '客户不接受报价' })
      )
      this.ending = 'cancelled'
    }
    return approved
  }

  /**
   * The job waits for its part, which arrives within days (now and then weeks), and the repair
   * starts. Returns false when the part turns out to be discontinued and the device goes back.
   */
  private planWaitForParts(): boolean {
    const { random, technician } = this
    this.moveTo('awaiting_parts', { note: `已申请备件：${this.fault.labour.replace(/^更换/, '')}` })
    if (random.chance(0.05)) {
      this.then(10 * 24 * 60, 20 * 24 * 60, (c) =>
        c.call(this.desk, 'workOrders.transition', {
          id: this.id,
          to: 'returned_unrepaired',
          reason: '配件停产，无法维修'
        })
      )
      this.handOver('no_parts')
      return false
    }
    // Most parts arrive within days; now and then the supplier is weeks late.
    const waitDays = random.chance(0.12) ? random.int(8, 20) : random.int(1, 5)
    this.then(waitDays * 24 * 60, waitDays * 24 * 60 + 240, (c) =>
      c.call(technician, 'workOrders.transition', { id: this.id, to: 'repairing', note: '备件已到' })
    )
    return true
  }

  /** The labour recorded (the installation, or the fault's repair), sometimes a free clean-up and notes. */
  private planRepairWork(): void {
    const { random, fault, technician } = this
    const labour = this.installation
      ? { description: this.installationWork, minutes: 90, priceFen: 15_000 }
      : { description: fault.labour, minutes: fault.minutes, priceFen: fault.labourFen }
    this.then(Math.round(fault.minutes / 2), fault.minutes * 2, (c) =>
      c.call(technician, 'workOrders.addLabour', { id: this.id, ...labour })
    )
    if (random.chance(0.2)) {
      this.then(5, 30, (c) =>
        c.call(technician, 'workOrders.addLabour', {
          id: this.id,
          description: '整机清洁保养',
          minutes: 15,
          priceFen: 0
        })
      )
    }
    if (random.chance(0.15)) {
      this.then(5, 60, (c) =>
        c.call(technician, 'workOrders.updateNotes', {
          id: this.id,
          internalNote: '旧件已回收，待返厂',
          customerNote: '更换部件享受 90 天保修'
        })
      )
    }
  }

  /** The quality check, which now and then sends the job back to the bench once. */
  private planQualityCheck(): void {
    this.moveTo('quality_check')
    if (this.random.chance(0.05)) {
      this.moveTo('repairing', { note: '质检未通过，重新处理' })
      this.moveTo('quality_check')
    }
  }

  /** The customer collects the device with the claim code, or by phone number when it is lost. */
  private planPickup(): void {
    const byPhone = this.random.chance(0.15)
    this.then(60, 5 * 24 * 60, (c) =>
      c.call(this.desk, 'workOrders.pickup', {
        id: this.id,
        confirmed: true,
        ...(byPhone ? { phone: this.spec.mobile } : { claimCode: this.claimCode })
      })
    )
    this.pickedUpAt = this.t
    this.handOver('picked_up')
  }
}

function deviceFields(draft: DeviceDraft) {
  const { kind: _kind, ...fields } = draft
  return fields
}
