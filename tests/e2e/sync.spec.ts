import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DATABASE_FILE_NAME } from '../../src-main/app/openApp'
import {
  switchLanguage,
  test,
  expect,
  ADMIN,
  hire,
  screenshot,
  setUpShop,
  settled,
  signIn,
  tallScreenshot,
  type ShopHost
} from './fixtures'
import { makeHqCertificate, startFakeHq } from '../unit/sync/fakeHq'
import { warrantyJobReadyForPickup } from './warrantyJobs'

test('a shop outside an HQ network tells a manager who joins it and where, and that a shop on its own needs nothing', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  const manager = await hire(host, adminToken, 'dianzhang', '王店长', 'manager')
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, manager.username, manager.password)
  await page.getByTestId('nav-sync').click()
  const notice = page.getByTestId('sync-not-enrolled')
  await expect(notice).toContainText('由管理员登录本机，在本页（同步）用总部给的地址和加入码加入')
  await expect(notice).toContainText('独立经营的店铺无需操作')
  await expect(page.getByTestId('sync-enrol')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'sync-manager-not-enrolled')
})

test('an admin enrols the shop with HQ after confirming its certificate, syncs now, and sees HQ down in plain words', async ({
  page,
  host
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'e2e-hq-'))
  const hq = await startFakeHq({ file: join(folder, 'hq.sqlite'), certificate: await makeHqCertificate() })
  try {
    const adminToken = await setUpShop(host)
    await host.rpc('customers.create', { name: '王芳', mobile: '13812345678' }, adminToken)
    const code = hq.registerShop('鑫诚手机维修中心')

    await signIn(page, host, ADMIN.username, ADMIN.password)
    await page.getByTestId('nav-sync').click()
    await expect(page.getByTestId('sync-enrol')).toBeVisible()
    await expect(page.getByTestId('sync-not-enrolled')).toContainText('在下方“加入总部网络”填写总部给的地址和加入码')
    // An address that is not https is refused on its field, in the reader's language.
    await switchLanguage(page, 'English')
    await page.getByTestId('sync-hq-url').fill('hq.example.com')
    await page.getByTestId('sync-read-certificate').click()
    await settled(page)
    await tallScreenshot(page, 'sync-address-refused-en', 768)
    await expect(page.getByTestId('sync-hq-url-item')).toContainText('Enter a full https:// address')
    await switchLanguage(page, '中文')
    await page.getByTestId('sync-hq-url').fill(hq.url)
    await page.getByTestId('sync-read-certificate').click()
    await expect(page.getByTestId('sync-fingerprint')).toHaveText(hq.fingerprint)
    await expect(page.getByTestId('sync-hq-url-item')).not.toContainText('https://hq.example.com')
    await page.getByTestId('sync-confirm-fingerprint').click()
    await page.getByTestId('sync-code').fill(code)
    await page.getByTestId('sync-enrol-submit').click()
    await expect(page.getByTestId('sync-waiting')).not.toHaveText('0')

    await page.getByTestId('sync-now').click()
    await expect(page.getByTestId('sync-healthy')).toBeVisible()
    await page.reload()
    await expect(page.getByTestId('sync-waiting')).toHaveText('0')
    expect(hq.changeCount()).toBeGreaterThan(0)
    await settled(page)
    await tallScreenshot(page, 'sync-healthy')

    // HQ goes away: the counter keeps working, the page says what is wrong.
    await hq.close()
    await host.rpc('customers.create', { name: '李强', mobile: '13900001111' }, adminToken)
    await page.getByTestId('sync-now').click()
    await expect(page.getByTestId('sync-problem')).toContainText('连不上总部')
    await expect(page.getByTestId('sync-waiting')).not.toHaveText('0')
    await tallScreenshot(page, 'sync-hq-unreachable')
  } finally {
    await hq.close().catch(() => undefined)
    rmSync(folder, { recursive: true, force: true })
  }
})

/** A warranty job finished and billed to the brand, arranged through the API as the admin. */
async function billedWarrantyJob(host: ShopHost, token: string): Promise<{ id: string; number: string }> {
  const workOrder = await warrantyJobReadyForPickup(host, token, {
    customer: { name: '李四', mobile: '13900002222' },
    serial: 'SNSYNC000001',
    reportedFault: '屏幕摔碎，触摸失灵',
    cracked: true
  })
  await host.rpc('checkout.pay', { workOrderId: workOrder.id, tenders: [] }, token)
  return workOrder
}

async function syncAndWait(host: ShopHost, token: string): Promise<void> {
  await host.rpc('sync.now', {}, token)
  await expect
    .poll(async () => (await host.rpc<{ running: boolean }>('sync.status', {}, token)).running, { timeout: 20_000 })
    .toBe(false)
}

test("a claim made at checkout goes to HQ, and HQ's decision shows on the job and in the claims list", async ({
  page,
  host
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'e2e-hq-'))
  const hq = await startFakeHq({ file: join(folder, 'hq.sqlite'), certificate: await makeHqCertificate() })
  try {
    const adminToken = await setUpShop(host)
    const code = hq.registerShop('鑫诚手机维修中心')
    const enrolled = await host.rpc<{ shopId: string }>(
      'sync.enrol',
      { hqUrl: hq.url, fingerprint: hq.fingerprint, code },
      adminToken
    )
    const job = await billedWarrantyJob(host, adminToken)
    await syncAndWait(host, adminToken)
    const claims = await host.rpc<{ rows: { id: string; status: string }[] }>(
      'checkout.claims',
      { workOrderId: job.id },
      adminToken
    )
    expect(claims.rows.map((claim) => claim.status)).toEqual(['submitted'])
    const approval = {
      claimId: claims.rows[0]!.id,
      status: 'approved',
      reason: '符合保修条件',
      approvedFen: 6_000,
      decidedAt: new Date().toISOString()
    }
    hq.publish('claimDecisions', claims.rows[0]!.id, approval, enrolled.shopId)
    await syncAndWait(host, adminToken)

    await signIn(page, host, ADMIN.username, ADMIN.password)
    await expect(page.getByTestId('nav-claims')).toBeVisible()
    await page.goto(`${host.url}#/work-orders/${job.id}`)
    const panel = page.getByTestId('work-order-claims')
    await expect(panel.getByTestId('claim-state')).toHaveText('已批准')
    await expect(panel).toContainText('符合保修条件')
    // HQ's reason stands within the half-page panel, not scrolled out of sight beside it.
    const panelBody = panel.locator('.el-table__body-wrapper .el-scrollbar__wrap')
    expect(await panelBody.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(0)
    await tallScreenshot(page, 'sync-claim-on-job')
    await page.getByTestId('nav-claims').click()
    await expect(page.getByTestId('claims-table')).toContainText(job.number)
    await tallScreenshot(page, 'sync-claims-list')

    // HQ sends a payment over what it approved: the shop sets it aside, the claim stays approved,
    // and the sync page names the job and says why.
    hq.publish(
      'claimDecisions',
      claims.rows[0]!.id,
      { ...approval, paidFen: 6_500, paidReference: 'PAY-0001', paidAt: new Date().toISOString() },
      enrolled.shopId
    )
    await syncAndWait(host, adminToken)
    await page.goto(`${host.url}#/work-orders/${job.id}`)
    await expect(panel.getByTestId('claim-state')).toHaveText('已批准')
    await page.getByTestId('nav-sync').click()
    const refused = page.getByTestId('sync-refused-rows')
    await expect(refused).toContainText('总部发来的 1 条数据本店没有采用')
    await expect(refused.getByTestId('sync-refused-rows-table')).toContainText(job.number)
    await expect(refused.getByTestId('sync-refused-rows-table')).toContainText('实付 ¥65.00 超过批准金额 ¥60.00')
    await expect(page.getByTestId('sync-healthy')).toHaveCount(0)
    await settled(page)
    await tallScreenshot(page, 'sync-refused-payment')
    // The manager's home says so too, not "all is well", and the tile leads back to the sync page.
    await page.getByTestId('nav-home').click()
    const tile = page.getByTestId('tile-sync')
    await expect(tile).toHaveClass(/late/)
    await expect(tile).toContainText('总部发来的 1 条数据本店未采用')
    await settled(page)
    await tallScreenshot(page, 'home-sync-refused')
    await tile.click()
    await expect(page.getByTestId('sync-refused-rows')).toBeVisible()

    // The brand pays it (5 yuan less than approved): the claim is settled with what was paid.
    hq.publish(
      'claimDecisions',
      claims.rows[0]!.id,
      { ...approval, paidFen: 5_500, paidReference: 'PAY-0001', paidAt: new Date().toISOString() },
      enrolled.shopId
    )
    await syncAndWait(host, adminToken)
    await page.goto(`${host.url}#/work-orders/${job.id}`)
    await expect(panel.getByTestId('claim-state')).toHaveText('已结算')
    await expect(panel.getByTestId('claim-paid-by-hq')).toContainText('实付 ¥55.00 PAY-0001')
    await panel.scrollIntoViewIfNeeded()
    await panel.screenshot({ path: join('test-results', 'screens', 'sync-claim-on-job-paid.png') })
    await page.getByTestId('nav-claims').click()
    const row = page.getByTestId('claims-table').locator('tr', { hasText: job.number })
    await expect(row.getByTestId('claim-state')).toHaveText('已结算')
    await expect(row.getByTestId('claim-paid-by-hq')).toContainText('实付 ¥55.00 PAY-0001')
    await tallScreenshot(page, 'sync-claims-list-paid')
    // HQ's payment put right answers the row set aside, on the sync page and on the home tile.
    await page.getByTestId('nav-sync').click()
    await expect(page.getByTestId('sync-healthy')).toBeVisible()
    await expect(page.getByTestId('sync-refused-rows')).toHaveCount(0)
    await page.getByTestId('nav-home').click()
    await expect(tile).toHaveClass(/good/)
    await expect(tile).not.toContainText('本店未采用')
  } finally {
    await hq.close().catch(() => undefined)
    rmSync(folder, { recursive: true, force: true })
  }
})

test('a sync a day old shows late on the home tile and the sync page; a change HQ refuses is held there with HQ’s words until sent again, and a batch HQ refuses unnamed is named for HQ support', async ({
  page,
  host
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'e2e-hq-'))
  let refusedCustomerId = ''
  let unnamedCustomerId = ''
  const hq = await startFakeHq({
    file: join(folder, 'hq.sqlite'),
    certificate: await makeHqCertificate(),
    refusesChange: (change) => (change.entityId === refusedCustomerId ? 'mobile' : null),
    refusesBatchFor: (change) => (change.entityId === unnamedCustomerId ? 'mobile' : null)
  })
  try {
    const adminToken = await setUpShop(host)
    const code = hq.registerShop('鑫诚手机维修中心')
    await host.rpc('sync.enrol', { hqUrl: hq.url, fingerprint: hq.fingerprint, code }, adminToken)
    await host.rpc('customers.create', { name: '王芳', mobile: '13812345678' }, adminToken)
    await syncAndWait(host, adminToken)

    // Two days with no sync and no problem recorded (the shop server's timer stopped): late, with the time.
    const shopDb = new BetterSqlite3(join(host.dataDir, DATABASE_FILE_NAME))
    shopDb.pragma('busy_timeout = 5000')
    shopDb
      .prepare('UPDATE hq_connection SET last_success_at = ?')
      .run(new Date(Date.now() - 48 * 3_600_000).toISOString())
    shopDb.close()
    await signIn(page, host, ADMIN.username, ADMIN.password)
    const tile = page.getByTestId('tile-sync')
    await expect(tile).toHaveClass(/late/)
    await expect(tile).toContainText('上次成功同步')
    await tallScreenshot(page, 'sync-late-home')
    await page.getByTestId('nav-sync').click()
    await expect(page.getByTestId('sync-late')).toContainText('已超过 24 小时没有成功同步')
    await expect(page.getByTestId('sync-healthy')).toHaveCount(0)
    await tallScreenshot(page, 'sync-late')

    // HQ refuses one customer's change for good: it is held with HQ's words, the other one goes.
    const refused = await host.rpc<{ id: string }>(
      'customers.create',
      { name: '李强', mobile: '13900001111' },
      adminToken
    )
    refusedCustomerId = refused.id
    const other = await host.rpc<{ id: string }>(
      'customers.create',
      { name: '赵敏', mobile: '13700002222' },
      adminToken
    )
    // A sync the timer had already started may have missed the new changes: sync until HQ has the other one.
    const atHq = (customerId: string) =>
      (hq.db.prepare('SELECT count(*) AS n FROM changes WHERE entity_id = ?').get(customerId) as { n: number }).n
    await expect
      .poll(async () => {
        await syncAndWait(host, adminToken)
        return atHq(other.id)
      })
      .toBe(1)
    await page.reload()
    const held = page.getByTestId('sync-held')
    await expect(held).toContainText('1 条变更暂缓上传：总部拒收了其中 1 条')
    await expect(held).toContainText(`客户 ${refused.id}`)
    await expect(held).toContainText('VALIDATION')
    await expect(held).toContainText('field=mobile')
    await expect(page.getByTestId('sync-stuck')).toHaveCount(0)
    await expect(page.getByTestId('sync-waiting')).toHaveText('1')
    await tallScreenshot(page, 'sync-held')
    await page.getByTestId('nav-home').click()
    await expect(page.getByTestId('tile-sync')).toHaveClass(/late/)
    await expect(page.getByTestId('tile-sync')).toContainText('1 条变更暂缓上传：总部拒收')
    await tallScreenshot(page, 'sync-held-home')
    await page.getByTestId('nav-sync').click()

    // HQ puts its side right; the manager sends the change again and nothing is held any more.
    refusedCustomerId = ''
    await held.getByTestId('sync-send-again').click()
    await expect(page.getByTestId('sync-held')).toHaveCount(0)
    await expect(page.getByTestId('sync-waiting')).toHaveText('0')
    expect(atHq(refused.id)).toBe(1)

    // HQ refuses a batch without naming a change: the page names the batch, its first change and HQ's words.
    const unnamed = await host.rpc<{ id: string }>(
      'customers.create',
      { name: '钱进', mobile: '13600003333' },
      adminToken
    )
    unnamedCustomerId = unnamed.id
    await syncAndWait(host, adminToken)
    await page.reload()
    const stuck = page.getByTestId('sync-stuck')
    await expect(stuck).toContainText('总部拒收了一批变更')
    await expect(stuck).toContainText(`客户 ${unnamed.id}`)
    await expect(stuck).toContainText('VALIDATION')
    await expect(stuck).toContainText('field=mobile')
    await expect(page.getByTestId('sync-waiting')).not.toHaveText('0')
    await tallScreenshot(page, 'sync-stuck')
  } finally {
    await hq.close().catch(() => undefined)
    rmSync(folder, { recursive: true, force: true })
  }
})
