import { switchLanguage, test, expect, screenshot, settled, setUpShop, signIn, takeIn, ADMIN } from './fixtures'

/** The screenshots' names carry this, so the same spec can show a screen before and after a change (soft checks: every one is seen). */
const shot = process.env.SHOT_SUFFIX ?? ''

test('English screens name the seeded codes in English; a code the shop renamed keeps its own words', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  // The shop renamed one seeded symptom: its own words stay as written in every language.
  await host.rpc(
    'codes.save',
    { list: 'symptom', code: 'S03', label: '触屏漂移', active: true, sortOrder: 30 },
    adminToken
  )
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '陈小春', mobile: '13900139000' },
    device: { brand: '华为', model: 'Mate 60', serial: 'SEEDCODE01' },
    serviceType: 'paid_repair',
    reportedFault: '开不了机'
  })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  // Settled on the home page before the language menu opens (it moved under the click).
  await page.getByTestId('welcome').waitFor()
  await settled(page)
  await switchLanguage(page, 'English')

  // The check-in's symptom picker.
  await page.getByTestId('nav-intake').click()
  await page.getByTestId('symptom').click()
  const options = page.locator('.el-select-dropdown:visible')
  await expect(options.getByRole('option').first()).toBeVisible()
  await screenshot(page, `seeded-codes-intake-picker${shot}`)
  await expect.soft(options.getByRole('option', { name: 'S01 Won’t power on / won’t start' })).toBeVisible()
  await expect.soft(options.getByRole('option', { name: 'S03 触屏漂移' })).toBeVisible()
  await expect.soft(options).not.toContainText('不开机')
  await page.keyboard.press('Escape')

  // The work order's facts and the diagnosis pickers.
  await page.goto(`${page.url().split('#')[0]}#/work-orders/${workOrder.id}`)
  await expect(page.getByTestId('work-order-number')).toHaveText(workOrder.number)
  await page.getByTestId('move-diagnosing').click()
  await page.getByTestId('fault-location').click()
  const locations = page.locator('.el-select-dropdown:visible')
  await expect(locations.getByRole('option').first()).toBeVisible()
  await screenshot(page, `seeded-codes-work-order${shot}`)
  await expect.soft(page.getByTestId('work-order')).toContainText('S01 Won’t power on / won’t start')
  await expect.soft(locations.getByRole('option', { name: 'L01 Main board' })).toBeVisible()
  await expect.soft(page.getByTestId('work-order')).not.toContainText('不开机')
  await page.keyboard.press('Escape')

  // The code list names them so too; editing one shows the stored words and says what a new name does.
  await page.getByTestId('nav-codes').click()
  const table = page.getByTestId('codes-table')
  await expect(table).toContainText('Won’t power on / won’t start')
  await expect(table).toContainText('触屏漂移')
  await table.getByTestId('edit-code').first().click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.locator('input[name=label]')).toHaveValue('不开机 / 无法启动')
  await expect(dialog).toContainText('The app’s own name, shown in each reader’s language')
  await settled(page)
  await screenshot(page, `seeded-codes-edit${shot}`)
})
