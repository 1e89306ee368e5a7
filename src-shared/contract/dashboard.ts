import { z } from 'zod'
import { operation } from './operation'
import type { PaymentMethod } from '../domain/invoice'

/** A job the front desk should hand back: how long it has been ready. */
export interface WaitingPickUp {
  workOrderId: string
  number: string
  customerName: string
  readySince: string
  daysWaiting: number
}

export interface FrontDeskTiles {
  readyForPickUp: number
  /** The longest waits first, a handful. */
  longestWaits: WaitingPickUp[]
  promisedToday: number
  overdue: number
  intakesToday: number
  followUpsDue: number
}

export interface TechnicianTiles {
  myQueue: number
  waitingForParts: number
  myComebacks: number
}

export interface WarehouseTiles {
  partRequestsWaiting: number
  lowStock: number
  /** Faulty parts not yet shipped to the brand, by days since they came off the device. */
  faultyOwed: { upTo30: number; from31To60: number; over60: number }
  faultyOwedTotal: number
}

export interface ManagerTiles {
  takingsToday: { method: PaymentMethod; amountFen: number }[]
  takingsTodayFen: number
  /** Open jobs whose status has not changed for `stuckDays` days or more. */
  stuckJobs: number
  stuckDays: number
}

/** The home page by role: only the sections the caller's role sees are present. */
export interface Dashboard {
  today: string
  frontDesk?: FrontDeskTiles
  technician?: TechnicianTiles
  warehouse?: WarehouseTiles
  manager?: ManagerTiles
}

export const dashboardContract = {
  'dashboard.get': operation<Dashboard>()(z.object({}).strict())
}
