import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  staffPage,
  takeIn,
  tallScreenshot,
  type ShopHost
} from './fixtures'
import { makeHqCertificate, startFakeHq } from '../unit/sync/fakeHq'

const customerCount = async (host: ShopHost, token: string) =>
  (await host.rpc<{ total: number }>('customers.search', { query: '' }, token)).total

test('back up now, see it listed, restore it: today’s data is kept aside and every desk signs in again', async ({
  page,
  host,
  browser
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'qianduan', '前台小李', 'front_desk')
  await hire(host, adminToken, 'laowang', '王师傅', 'technician')
  for (const name of ['王芳', '李强', '陈静']) await host.rpc('customers.create', { name }, adminToken)

  await signIn(page, host, ADMIN.username, ADMIN.password)
  // No copy yet: the home screen says so (not that the last one is two days old).
  const homeCard = page.getByTestId('home-backups')
  await expect(homeCard.getByTestId('backup-problem-neverBackedUp')).toContainText('还没有备份')
  await expect(homeCard.getByTestId('backup-problem-stale')).toBeHidden()
  await screenshot(page, 'backups-home-warning')

  // The backups page offers the first copy in the notice itself.
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-backups').click()
  const health = page.getByTestId('backup-health')
  await expect(health.getByTestId('backup-problem-stale')).toBeHidden()
  await expect(health.getByTestId('backup-last-good')).toBeHidden()
  await settled(page)
  await screenshot(page, 'backups-first-copy-asked')
  await health.getByTestId('take-first-backup').click()
  const list = page.getByTestId('backup-list')
  await expect(list.locator('tbody tr')).toHaveCount(1)
  await expect(list.locator('tbody tr').first()).toContainText('手动')
  await expect(health.getByTestId('backup-problem-neverBackedUp')).toBeHidden()
  await expect(health.getByTestId('backup-last-good')).toContainText('最近一次备份')
  await tallScreenshot(page, 'backups-list')

  // Work goes on after the copy; a desk is signed in elsewhere; a technician leaves.
  for (const name of ['赵磊', '孙丽']) await host.rpc('customers.create', { name }, adminToken)
  const staff = await host.rpc<{ rows: { id: string; username: string }[] }>('users.list', {}, adminToken)
  const leaver = staff.rows.find((user) => user.username === 'laowang')!
  await host.rpc('users.setDisabled', { id: leaver.id, disabled: true }, adminToken)
  // Someone hired and a desk paired since the copy: the copy does not hold them.
  await hire(host, adminToken, 'xiaozhao', '新来的小赵', 'front_desk')
  const { code } = await host.rpc<{ code: string }>('desks.pairingCode', {}, adminToken)
  await host.rpc('desks.pair', { code, deskName: '维修台三号' })
  const deskPage = await staffPage(browser, host, desk.username, desk.password)

  await list.getByRole('button', { name: '恢复' }).click()
  const compare = page.getByTestId('restore-compare')
  await expect(compare.getByTestId('restore-count-customers')).toContainText('3')
  await expect(compare.getByTestId('restore-count-customers')).toContainText('5')
  // The version compared in words, not as two numbers.
  await expect(compare.getByTestId('restore-version')).toHaveText(/^\s*程序版本\s*与本程序相同\s*$/)
  // Before confirming, the admin reads who can get in afterwards.
  const access = page.getByTestId('restore-access')
  await expect(access.getByTestId('restore-access-kept')).toHaveText('以下会保持现在的样子：账号状态和角色：王师傅')
  await expect(access.getByTestId('restore-access-lost-accounts')).toContainText('无法再登录：新来的小赵')
  await expect(access.getByTestId('restore-access-lost-desks')).toContainText('需要重新配对：维修台三号')
  await settled(page)
  await screenshot(page, 'backups-restore-confirm')
  await page.getByTestId('confirm-restore').click()
  // The technician who left stays deactivated, and the admin is told so.
  await expect(page.locator('.el-message')).toContainText('以下在备份之后的变更已保留：账号状态和角色：王师傅')

  // This window and the desk are both sent to sign in, and told why.
  await expect(page.getByTestId('sign-in-notice')).toContainText('从备份恢复')
  await screenshot(page, 'backups-signed-out-after-restore')
  await deskPage.reload()
  await expect(deskPage.getByTestId('sign-in-notice')).toContainText('从备份恢复')

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('welcome')).toBeVisible()
  const token = (
    await host.rpc<{ token: string }>('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
  ).token
  expect(await customerCount(host, token)).toBe(3)
  await page.getByTestId('nav-backups').click()
  await expect(list.locator('tbody tr')).toHaveCount(2)
  await expect(list.locator('tbody tr').first()).toContainText('恢复前')
  await expect(list.locator('tbody tr').first()).toContainText('5')
})

test('a backup that fails is a warning at once, on the backups page and on the home screen', async ({ page, host }) => {
  const adminToken = await setUpShop(host)
  // The chosen folder is on a USB stick that is not plugged in.
  const settings = { folder: '/media/backup-stick', dailyTime: '21:30', keepDaily: 7, keepMonthly: 12 }
  await host.rpc('backups.saveSettings', settings, adminToken)

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-backups').click()
  const health = page.getByTestId('backup-health')
  await expect(health.getByTestId('backup-problem-folderMissing')).toBeVisible()
  await expect(health.getByTestId('backup-problem-lastCopyFailed')).toBeHidden()
  await page.getByTestId('take-backup').click()
  await expect(health.getByTestId('backup-problem-lastCopyFailed')).toContainText('最近一次备份没有成功')
  await tallScreenshot(page, 'backups-copy-failed')

  await page.getByTestId('nav-home').click()
  const homeCard = page.getByTestId('home-backups')
  await expect(homeCard.getByTestId('backup-problem-lastCopyFailed')).toBeVisible()
  await tallScreenshot(page, 'backups-home-copy-failed', 1300)
})

test('a new shop takes its first backup from the home screen’s notice, and the notice goes', async ({ page, host }) => {
  await setUpShop(host)
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  const homeCard = page.getByTestId('home-backups')
  await expect(homeCard.getByTestId('backup-problem-neverBackedUp')).toContainText('备份位置里还没有任何备份')
  await expect(page.getByTestId('tile-backups')).toContainText('还没有备份')
  await settled(page)
  await screenshot(page, 'backups-home-first-copy')
  await homeCard.getByTestId('take-first-backup').scrollIntoViewIfNeeded()
  await screenshot(page, 'backups-home-first-copy-card')

  await homeCard.getByTestId('take-first-backup').click()
  // Said by the shop's date and time, as the list shows it, not by its file name (in UTC).
  await expect(page.locator('.el-message--success')).toHaveText(/^备份完成：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await screenshot(page, 'backups-taken-message')
  // Healthy now: the home screen has nothing to say about backups, and its tile says they are fine.
  await expect(homeCard).toBeHidden()
  await expect(page.getByTestId('tile-backups')).toContainText('备份正常')
})

test('a copy dated in the future is a warning of its own, and the last backup shown is the real one', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  const copy = await host.rpc<{ name: string; takenAt: string }>('backups.takeNow', {}, adminToken)
  // The PC's clock once ran years ahead: a copy taken then says so in its name and its manifest.
  const folder = join(host.dataDir, 'backups')
  const future = { takenAt: '2099-12-31T13:30:00.000Z', name: 'service-center-20991231T133000000Z.sqlite' }
  copyFileSync(join(folder, copy.name), join(folder, future.name))
  const manifest = JSON.parse(readFileSync(join(folder, `${copy.name}.json`), 'utf8')) as object
  writeFileSync(join(folder, `${future.name}.json`), JSON.stringify({ ...manifest, ...future, reason: 'daily' }))

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-backups').click()
  const health = page.getByTestId('backup-health')
  await expect(health.getByTestId('backup-problem-copyFromFuture')).toContainText('日期在将来')
  await expect(health.getByTestId('backup-last-good')).not.toContainText('2099')
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(2)
  await tallScreenshot(page, 'backups-copy-from-future')
})

test('in English too, the restore’s preview says who keeps and who loses access', async ({ page, host }) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'qianduan', 'Lily', 'front_desk')
  await host.rpc('backups.takeNow', {}, adminToken)
  const staff = await host.rpc<{ rows: { id: string; username: string }[] }>('users.list', {}, adminToken)
  const lily = staff.rows.find((user) => user.username === clerk.username)!
  await host.rpc('users.resetPassword', { id: lily.id, newPassword: 'lily-new-secret-1' }, adminToken)
  await hire(host, adminToken, 'newhire', 'Sam', 'technician')
  const { code } = await host.rpc<{ code: string }>('desks.pairingCode', {}, adminToken)
  await host.rpc('desks.pair', { code, deskName: 'Bench 3' })

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-backups').click()
  await switchLanguage(page, 'English')
  await page.getByTestId('backup-list').getByRole('button', { name: 'Restore' }).click()
  const access = page.getByTestId('restore-access')
  await expect(access.getByTestId('restore-access-kept')).toHaveText(
    'These stay as they are now: new passwords of Lily'
  )
  await expect(access.getByTestId('restore-access-lost-accounts')).toHaveText(
    'Accounts made since the backup will be gone and can no longer sign in: Sam'
  )
  await expect(access.getByTestId('restore-access-lost-desks')).toHaveText(
    'Desks paired since the backup will need to pair again: Bench 3'
  )
  await settled(page)
  await screenshot(page, 'backups-restore-confirm-english')
})

test('a restore that would leave no administrator is not offered: the preview says why', async ({ page, host }) => {
  const adminToken = await setUpShop(host)
  await host.rpc('backups.takeNow', {}, adminToken)
  // The copy's only admin has left since; the one who took over is not in the copy.
  const successor = await hire(host, adminToken, 'laoban', '新店长', 'admin')
  const successorToken = (
    await host.rpc<{ token: string }>('auth.signIn', { username: successor.username, password: successor.password })
  ).token
  const staff = await host.rpc<{ rows: { id: string; username: string }[] }>('users.list', {}, successorToken)
  const admin = staff.rows.find((user) => user.username === ADMIN.username)!
  await host.rpc('users.setDisabled', { id: admin.id, disabled: true }, successorToken)

  await signIn(page, host, successor.username, successor.password)
  await page.getByTestId('nav-backups').click()
  await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).click()
  await expect(page.getByTestId('restore-no-admin')).toContainText('恢复后将没有可用的管理员')
  await expect(page.getByTestId('restore-access-kept')).toContainText(`账号状态和角色：${ADMIN.displayName}`)
  await expect(page.getByTestId('confirm-restore')).toBeDisabled()
  await settled(page)
  await screenshot(page, 'backups-restore-no-admin')
})

test('a shop enrolled with HQ keeps today’s connection, and the preview says what HQ received after the copy', async ({
  page,
  host
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'e2e-hq-'))
  const hq = await startFakeHq({ file: join(folder, 'hq.sqlite'), certificate: await makeHqCertificate() })
  try {
    const adminToken = await setUpShop(host)
    const enrol = async (code: string) => {
      const { fingerprint } = await host.rpc<{ fingerprint: string }>(
        'sync.readCertificate',
        { hqUrl: hq.url },
        adminToken
      )
      return host.rpc<{ shopId: string }>('sync.enrol', { hqUrl: hq.url, fingerprint, code }, adminToken)
    }
    const syncedAll = async () => {
      await host.rpc('sync.now', {}, adminToken)
      await expect
        .poll(async () => await host.rpc<{ changesWaiting: number; running: boolean }>('sync.status', {}, adminToken))
        .toMatchObject({ changesWaiting: 0, running: false })
    }
    const { shopId } = await enrol(hq.registerShop('鑫诚手机维修中心'))
    const wang = await host.rpc<{ id: string }>('customers.create', { name: '王芳', mobile: '13812345678' }, adminToken)
    await syncedAll()
    await host.rpc('backups.takeNow', {}, adminToken)

    // After the copy: two new customers and a changed one reach HQ, and HQ gives the shop a new key.
    for (const name of ['李强', '陈静']) await host.rpc('customers.create', { name }, adminToken)
    await host.rpc('customers.update', { id: wang.id, name: '王芳芳', mobile: '13812345678' }, adminToken)
    await syncedAll()
    hq.db.prepare('INSERT INTO enrol_codes (code, shop_id) VALUES (?, ?)').run('again-1', shopId)
    await enrol('again-1')

    await signIn(page, host, ADMIN.username, ADMIN.password)
    await page.getByTestId('nav-backups').click()
    await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).click()
    const atHq = page.getByTestId('restore-hq')
    await expect(atHq.getByTestId('restore-hq-connection')).toContainText('仍使用现在与总部“Fake HQ”的连接')
    await expect(atHq.getByTestId('restore-hq-sent-again')).toContainText('改过并已发给总部的 1 条记录')
    await expect(atHq.getByTestId('restore-hq-held')).toContainText('总部已收到备份之后新建的 2 条记录')
    await expect(page.getByTestId('confirm-restore')).toBeEnabled()
    await settled(page)
    await screenshot(page, 'backups-restore-hq')
  } finally {
    await hq.close().catch(() => undefined)
    rmSync(folder, { recursive: true, force: true })
  }
})

test('numbers issued and a customer erased since the copy stand: the preview and the answer say so', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  const walkIn = (name: string, mobile: string, serial: string) => ({
    customer: { name, mobile },
    device: { brand: '华为', model: 'Mate 60 Pro', serial },
    serviceType: 'paid_repair' as const,
    reportedFault: '屏幕摔碎'
  })
  const first = await takeIn(host, adminToken, walkIn('王芳', '13812345678', 'SNBK000001'))
  await host.rpc('backups.takeNow', {}, adminToken)
  // After the copy: a job whose number is on its claim receipt, and 王芳 asks to be erased.
  const second = await takeIn(host, adminToken, walkIn('李强', '13912345678', 'SNBK000002'))
  const { customer } = await host.rpc<{ customer: { id: string } }>(
    'workOrders.get',
    { id: first.workOrder.id },
    adminToken
  )
  await host.rpc('customers.erase', { id: customer.id }, adminToken)

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-backups').click()
  await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).click()
  const confirmed = page.getByTestId('restore-confirmed')
  await expect(confirmed.getByTestId('restore-numbers')).toHaveText(
    '单号从现在的编号接着编，已经开出的号码不会再用一次：工单'
  )
  await expect(confirmed.getByTestId('restore-erasures')).toContainText('已删除个人信息的 1 位客户')
  await settled(page)
  await screenshot(page, 'backups-restore-confirmed')
  await page.getByTestId('confirm-restore').click()
  await expect(page.locator('.el-message')).toContainText('单号从现在的编号接着编')
  await expect(page.getByTestId('sign-in-notice')).toContainText('从备份恢复')

  const token = (
    await host.rpc<{ token: string }>('auth.signIn', { username: ADMIN.username, password: ADMIN.password })
  ).token
  const third = await takeIn(host, token, walkIn('陈静', '13712345678', 'SNBK000003'))
  expect(third.workOrder.number.slice(-4)).toBe('0003')
  expect(second.workOrder.number.slice(-4)).toBe('0002')
  const erased = await host.rpc<{ customer: { erasedAt: string | null } }>(
    'workOrders.get',
    { id: first.workOrder.id },
    token
  )
  expect(erased.customer.erasedAt).not.toBeNull()
})
