import { createServer, type AddressInfo } from 'node:net'
import { test, expect, ADMIN, setUpShop, settled, signIn, tallScreenshot } from './fixtures'

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

test('an admin turns the LAN listener on, reads the fingerprint, pairs a desk and removes it', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  // A free port of this machine instead of the default, so parallel runs do not collide.
  await host.rpc('network.setLanListening', { on: false, port: await freePort() }, adminToken)
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-shop-network').click()
  await expect(page.getByTestId('lan-addresses')).toContainText('未在局域网上监听')
  // With LAN connections off no PC could use a code: none is handed out, and the card says why.
  await expect(page.getByTestId('new-pairing-code')).toBeDisabled()
  await expect(page.getByTestId('pairing-needs-lan')).toContainText('请先打开“局域网连接”')
  await settled(page)
  await tallScreenshot(page, 'shop-network-pair-code-while-off', 900)

  await page.getByTestId('lan-switch').click()
  await expect(page.getByTestId('pairing-needs-lan')).toHaveCount(0)
  await expect(page.getByTestId('certificate-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  await expect(page.getByTestId('lan-addresses')).toContainText('https://')

  await page.getByTestId('new-pairing-code').click()
  const code = (await page.getByTestId('pairing-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^\d{6}$/)
  // A desk pairs with the code (here through this PC's own host, the pairing call is the same).
  const pairing = await host.rpc<{ deskId: string }>('desks.pair', { code, deskName: '仓库' })
  await page.reload()
  const list = page.getByTestId('desk-list')
  await expect(list.locator('tbody tr')).toHaveCount(1)
  await expect(list).toContainText('仓库')
  await expect(list).toContainText('使用中')
  await page.getByTestId('new-pairing-code').click()
  await settled(page)
  await tallScreenshot(page, 'shop-network-admin', 900)

  await page.getByTestId(`revoke-${pairing.deskId}`).click()
  await page
    .locator('.el-message-box')
    .getByRole('button', { name: /OK|确定/ })
    .click()
  await expect(list).toContainText('已移除')
  await page.getByTestId('lan-switch').click()
  await expect(page.getByTestId('lan-addresses')).toContainText('未在局域网上监听')
  // The code shown before is of no use now: it goes with the button.
  await expect(page.getByTestId('pairing-code')).toHaveCount(0)
  await expect(page.getByTestId('new-pairing-code')).toBeDisabled()
})
