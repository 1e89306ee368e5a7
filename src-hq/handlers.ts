import type { HqStaffInput, HqStaffOperation } from './contract'
import type { HqStaffOutput } from './contractOutputs'
import type { HqContext } from './context'
import type { StaffUser } from './contractOutputs'
import { createStaffUser, signIn, signOut } from './staff/service'
import { listShops, registerShop, renewEnrolCode, revokeShop } from './shops/service'
import { importRegistryCsv, upsertRegistryUnits } from './seed/registry'
import {
  listLabourRates,
  removeSharedRow,
  setLabourRates,
  upsertBulletins,
  upsertCatalogueParts,
  upsertFaultCodes,
  upsertPolicies
} from './seed/shared'
import { listCatalogueParts } from './catalogue/list'
import { saveCataloguePart } from './catalogue/save'
import { claimAssessment, decideClaim, listClaims } from './claims/review'
import { payClaim } from './claims/payment'
import { advanceReturnBatch, listReturnBatches } from './returns/service'
import { settlementStatement } from './settlement/statement'
import { settlementWorkbook } from './settlement/workbook'
import { faultStatistics, faultStatisticsWorkbook } from './stats/faults'

/** Who is calling: the signed-in staff member (null only for staff.signIn) and their token. */
export interface StaffCall {
  hq: HqContext
  staff: StaffUser | null
  token: string | undefined
  /** HQ's certificate fingerprint, shown on the page so admins can read it to a shop. */
  fingerprint: string
}

type Handler<O extends HqStaffOperation> = (call: StaffCall, input: HqStaffInput<O>) => Promise<HqStaffOutput<O>>

const signedIn = (call: StaffCall): StaffUser => call.staff!

/** One line per operation: from the contract to its service. */
export const hqStaffHandlers: { [O in HqStaffOperation]: Handler<O> } = {
  'staff.signIn': ({ hq }, input) => signIn(hq, input.username, input.password),
  'staff.signOut': async ({ hq, token }) => {
    if (token) await signOut(hq, token)
    return null
  },
  'staff.me': async (call) => signedIn(call),
  'staff.create': ({ hq }, input) => createStaffUser(hq, input),
  'hq.info': async ({ hq, fingerprint }) => ({ name: hq.name, fingerprint, timeZone: hq.timeZone }),
  'shops.list': ({ hq }) => listShops(hq),
  'shops.register': ({ hq }, input) => registerShop(hq, input.name),
  'shops.renewCode': ({ hq }, input) => renewEnrolCode(hq, input.shopId),
  'shops.revoke': async ({ hq }, input) => {
    await revokeShop(hq, input.shopId)
    return null
  },
  'seed.registryUnits': async ({ hq }, input) => ({ imported: await upsertRegistryUnits(hq, input.rows) }),
  'seed.registryCsv': ({ hq }, input) => importRegistryCsv(hq, input.csv.split('\n')),
  'seed.policies': async ({ hq }, input) => ({ imported: await upsertPolicies(hq, input.rows) }),
  'seed.catalogueParts': async ({ hq }, input) => ({ imported: await upsertCatalogueParts(hq, input.rows) }),
  'seed.faultCodes': async ({ hq }, input) => ({ imported: await upsertFaultCodes(hq, input.rows) }),
  'seed.bulletins': async ({ hq }, input) => ({ imported: await upsertBulletins(hq, input.rows) }),
  'seed.labourRates': async ({ hq }, input) => ({ imported: await setLabourRates(hq, input.rows) }),
  'labourRates.list': ({ hq }) => listLabourRates(hq),
  'catalogueParts.list': ({ hq }, input) => listCatalogueParts(hq, input),
  'catalogueParts.save': ({ hq }, input) => saveCataloguePart(hq, input),
  'seed.remove': async ({ hq }, input) => {
    await removeSharedRow(hq, input.table, input.key)
    return null
  },
  'claims.list': ({ hq }, input) => listClaims(hq, input),
  'claims.decide': async (call, input) => ({ status: await decideClaim(call.hq, signedIn(call), input) }),
  'claims.assess': ({ hq }, input) => claimAssessment(hq, input),
  'claims.pay': async (call, input) => {
    await payClaim(call.hq, signedIn(call), input)
    return null
  },
  'returns.list': ({ hq }, input) => listReturnBatches(hq, input),
  'returns.receive': async ({ hq }, input) => {
    await advanceReturnBatch(hq, { step: 'receive', ...input })
    return null
  },
  'returns.credit': async ({ hq }, input) => {
    await advanceReturnBatch(hq, { step: 'credit', ...input })
    return null
  },
  'settlements.statement': ({ hq }, input) => settlementStatement(hq, input.shopId, input.month),
  'settlements.export': async ({ hq }, input) => ({
    fileName: `settlement-${input.month}.xlsx`,
    base64: await settlementWorkbook(await settlementStatement(hq, input.shopId, input.month))
  }),
  'stats.faults': ({ hq }, input) => faultStatistics(hq, input),
  'stats.export': async ({ hq }, input) => ({
    fileName: `faults-${input.by}-${input.from}-${input.to}.xlsx`,
    base64: await faultStatisticsWorkbook(await faultStatistics(hq, input), input.by)
  })
}
