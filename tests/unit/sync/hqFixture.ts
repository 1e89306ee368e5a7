import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppContext } from '../../../src-main/app/context'
import { callOk } from '../helpers'
import { makeHqCertificate, startFakeHq, type FakeHq, type FakeHqOptions, type HqCertificatePair } from './fakeHq'

/** A fake HQ in a folder of its own, that a test can stop and start again on the same data and port. */
export interface HqUnderTest {
  hq: FakeHq
  certificate: HqCertificatePair
  folder: string
  stop(): Promise<void>
  restart(options?: Partial<FakeHqOptions>): Promise<FakeHq>
  dispose(): Promise<void>
}

export async function hqUnderTest(options: Partial<FakeHqOptions> = {}): Promise<HqUnderTest> {
  const folder = mkdtempSync(join(tmpdir(), 'fake-hq-'))
  const certificate = await makeHqCertificate()
  const file = join(folder, 'hq.sqlite')
  let running: FakeHq | null = await startFakeHq({ file, certificate, ...options })
  const port = running.port
  const handle: HqUnderTest = {
    hq: running,
    certificate,
    folder,
    async stop() {
      await running?.close()
      running = null
    },
    async restart(more = {}) {
      await handle.stop()
      running = await startFakeHq({ file, certificate, port, ...options, ...more })
      handle.hq = running
      return running
    },
    async dispose() {
      await handle.stop()
      rmSync(folder, { recursive: true, force: true })
    }
  }
  return handle
}

/** Enrols a shop with the fake HQ the way an admin does: read the certificate, confirm it, enter the code. */
export async function enrolShop(app: AppContext, adminToken: string, hq: FakeHq, shopName = '测试店'): Promise<string> {
  const code = hq.registerShop(shopName)
  const certificate = await callOk(app, 'sync.readCertificate', { hqUrl: hq.url }, adminToken)
  const status = await callOk(
    app,
    'sync.enrol',
    { hqUrl: hq.url, fingerprint: certificate.fingerprint, code },
    adminToken
  )
  return status.shopId!
}

/** A registry unit as HQ publishes it, with only what a pull test tells apart: its serial and card. */
export const registryUnitOf = (serial: string, cardNumber: string | null = null) => ({
  serial,
  brand: '小米',
  model: 'Xiaomi 14',
  categoryKey: 'mobile_phone',
  cardNumber,
  purchaseDate: '2025-10-01',
  invoiceNumber: '',
  dealer: '',
  productionDate: null,
  buyerName: '',
  buyerPhone: '',
  activationDate: null
})
