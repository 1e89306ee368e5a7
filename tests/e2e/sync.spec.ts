import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, ADMIN, setUpShop, settled, signIn, tallScreenshot } from './fixtures'
import { makeHqCertificate, startFakeHq } from '../unit/sync/fakeHq'

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
    await page.getByTestId('sync-hq-url').fill(hq.url)
    await page.getByTestId('sync-read-certificate').click()
    await expect(page.getByTestId('sync-fingerprint')).toHaveText(hq.fingerprint)
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
