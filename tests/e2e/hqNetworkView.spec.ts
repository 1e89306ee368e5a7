import { dispatchShopCall } from '../../src-hq/dispatch'
import { registerShop } from '../../src-hq/shops/service'
import { listLabourRates, setLabourRates, upsertCatalogueParts, upsertFaultCodes } from '../../src-hq/seed/shared'
import { screenshot, settled } from './fixtures'
import { expect, signInAtHq, test } from './hqFixtures'

test('a claim pushed by a shop appears in HQ’s queue, is approved there, and the decision waits for the shop', async ({
  page,
  hqServer
}) => {
  const { hq } = hqServer
  await setLabourRates(hq, [{ categoryKey: 'mobilePhone', labourFen: 6000 }])
  await upsertCatalogueParts(hq, [
    {
      partNumber: 'BAT-1',
      name: 'Battery',
      description: '',
      unit: 'pc',
      claimPriceFen: 9000,
      retailPriceFen: 15000,
      returnFaulty: true,
      serialTracked: false
    }
  ])
  await upsertFaultCodes(hq, [
    { list: 'faultCause', code: 'F01', label: '电池鼓包', active: true, component: 'battery', voidsWarranty: null }
  ])
  const { code } = await registerShop(hq, 'Nanjing Road')
  const enrolled = await dispatchShopCall(hq, 'enrol', undefined, { code, shopName: 'Nanjing Rd', appVersion: '0.1.0' })
  if (!enrolled.ok) throw new Error('enrol failed')
  const key = `ShopKey ${(enrolled.data as { shopKey: string }).shopKey}`
  const at = new Date().toISOString()
  await dispatchShopCall(hq, 'push', key, {
    batchId: 'b1',
    changes: [
      {
        id: 'change-1',
        at,
        entity: 'warranty_claim',
        entityId: 'claim-1',
        operation: 'upsert',
        payload: {
          workOrderNumber: 'WO-260310-0001',
          amountFen: 28000,
          serial: 'SN0001',
          brand: 'Acme',
          model: 'X1',
          categoryKey: 'mobilePhone',
          faultCode: 'F01',
          component: 'battery',
          lines: [
            { kind: 'labour', description: 'Battery swap', quantity: 1, amountFen: 10000 },
            { kind: 'part', description: 'Battery BAT-1', quantity: 1, amountFen: 15000 },
            { kind: 'part', description: 'Back cover COV-7', quantity: 1, amountFen: 3000 }
          ]
        }
      }
    ]
  })

  await signInAtHq(page, hqServer.url)
  await expect(page.getByTestId('hq-fingerprint')).toContainText(hqServer.fingerprint)
  await expect(page.getByTestId('hq-shops')).toContainText('Nanjing Road')
  await settled(page)
  await screenshot(page, 'hq-shops')

  await page.getByRole('tab', { name: '索赔队列' }).click()
  await expect(page.getByTestId('hq-claim-status-WO-260310-0001')).toHaveText('待审')
  // The unit with its brand, the fault code with its name in the brand's list.
  const queued = page.getByRole('row', { name: /WO-260310-0001/ })
  await expect(queued).toContainText('Acme X1')
  await expect(page.getByTestId('hq-claim-fault-WO-260310-0001')).toHaveText('F01 电池鼓包')
  await expect(queued).toContainText('收到 ')
  await settled(page)
  await screenshot(page, 'hq-queue')
  // Approving shows the shop's bill beside HQ's rates first; the cover HQ has no price for is flagged.
  await page.getByTestId('hq-approve-WO-260310-0001').click()
  const approval = page.getByTestId('hq-approve-dialog')
  await expect(approval).toContainText('门店申请 ¥280.00，按总部标准 ¥150.00')
  await expect(approval.getByTestId('hq-approve-no-price')).toHaveCount(1)
  // The parts, one of them without an HQ price, start empty: nothing is approved until typed.
  await expect(approval.getByTestId('hq-approve-parts').locator('input')).toHaveValue('')
  await expect(approval.getByTestId('hq-approve-problem')).toContainText('请填写核准工时费和核准配件费')
  await expect(approval.getByTestId('hq-approve-confirm')).toBeDisabled()
  // Nothing approved is refused before HQ is asked: that is a rejection, with a reason.
  await approval.getByTestId('hq-approve-labour').locator('input').fill('0')
  await approval.getByTestId('hq-approve-parts').locator('input').fill('0')
  await approval.getByTestId('hq-approve-parts').locator('input').blur()
  await expect(approval.getByTestId('hq-approve-problem')).toContainText('不予赔付的索赔请驳回')
  await expect(approval.getByTestId('hq-approve-confirm')).toBeDisabled()
  // The reviewer pays the cover at 30 yuan: labour 60, parts 90 + 30.
  await approval.getByTestId('hq-approve-labour').locator('input').fill('60')
  await approval.getByTestId('hq-approve-parts').locator('input').fill('120')
  await approval.getByTestId('hq-approve-parts').locator('input').blur()
  await expect(approval.getByTestId('hq-approve-total')).toHaveText('¥180.00')
  await settled(page)
  await screenshot(page, 'hq-approve-dialog')
  await approval.getByTestId('hq-approve-confirm').click()
  // Decided, it leaves the waiting list; all claims show it approved.
  await expect(page.getByTestId('hq-claim-status-WO-260310-0001')).toHaveCount(0)
  await page.locator('#pane-claims .el-select').click()
  await page.getByRole('option', { name: '全部' }).click()
  await expect(page.getByTestId('hq-claim-status-WO-260310-0001')).toHaveText('已批准')

  // The brand pays it, 10 yuan less than approved: the payment rides on the decision the shop pulls.
  await page.getByTestId('hq-pay-WO-260310-0001').click()
  const dialog = page.getByTestId('hq-pay-dialog')
  await expect(dialog).toContainText('核准金额 ¥180.00')
  await dialog.getByTestId('hq-paid-amount').locator('input').fill('170')
  await dialog.getByTestId('hq-paid-reference').fill('PAY-0310')
  await settled(page)
  await screenshot(page, 'hq-claim-pay')
  await dialog.getByTestId('hq-pay-save').click()
  await expect(page.getByTestId('hq-claim-paid-WO-260310-0001')).toContainText('¥170.00')
  await expect(page.getByTestId('hq-claim-paid-WO-260310-0001')).toContainText('PAY-0310')
  await expect(page.getByTestId('hq-pay-WO-260310-0001')).toHaveText('更正付款')
  await settled(page)
  await screenshot(page, 'hq-claims-paid')

  const pulled = await dispatchShopCall(hq, 'pull', key, { table: 'claimDecisions', since: 0 })
  expect(pulled.ok && pulled.data).toMatchObject({
    changes: [
      { key: 'claim-1', row: { status: 'approved', approvedFen: 18000, paidFen: 17000, paidReference: 'PAY-0310' } }
    ]
  })

  const month = at.slice(0, 7)
  await page.getByRole('tab', { name: '结算单' }).click()
  await page.locator('#pane-settlement .el-select').click()
  await page.getByRole('option', { name: 'Nanjing Road' }).click()
  await page.getByPlaceholder('月份').fill(month)
  await page.getByPlaceholder('月份').press('Enter')
  await page.getByRole('button', { name: '生成' }).click()
  await expect(page.getByTestId('hq-statement-total')).toHaveText('¥180.00')
  await expect(page.getByTestId('hq-statement-claimed-WO-260310-0001')).toHaveText('¥280.00')
  await settled(page)
  await screenshot(page, 'hq-settle')

  await page.getByRole('tab', { name: '故障统计' }).click()
  await expect(page.getByTestId('hq-fault-chart')).toBeVisible()
  await expect(page.getByTestId('hq-fault-counts')).toContainText('Acme X1')
  await page.getByText('故障原因代码', { exact: true }).click()
  await page.getByRole('button', { name: '统计' }).click()
  await expect(page.getByTestId('hq-fault-counts')).toContainText('F01 电池鼓包')
  await settled(page)
  await screenshot(page, 'hq-faults')
})

test('a network admin sets the brand’s labour rates on the page', async ({ page, hqServer }) => {
  await signInAtHq(page, hqServer.url)
  await page.getByRole('tab', { name: '工时费标准' }).click()
  // A new HQ offers the general rate, unset.
  const general = page.getByTestId('hq-labour-rate-*').locator('input')
  await general.fill('45')
  await general.blur()
  await page.getByTestId('hq-labour-save-*').click()
  await page.getByTestId('hq-labour-new').fill('mobile_phone')
  await page.getByTestId('hq-labour-add').click()
  const phones = page.getByTestId('hq-labour-rate-mobile_phone').locator('input')
  await phones.fill('60')
  await phones.blur()
  await page.getByTestId('hq-labour-save-mobile_phone').click()
  await expect(page.getByTestId('hq-labour-rates')).toContainText('其他品类（默认）')
  await expect(page.getByTestId('hq-labour-rate-mobile_phone').locator('input')).toHaveValue('60.00')
  await expect
    .poll(() => listLabourRates(hqServer.hq))
    .toEqual(
      expect.arrayContaining([
        { categoryKey: '*', labourFen: 4500 },
        { categoryKey: 'mobile_phone', labourFen: 6000 }
      ])
    )
  await settled(page)
  await screenshot(page, 'hq-labour-rates')
})

test('a network admin finds a part in the brand’s catalogue, changes its claim price and adds a missing part', async ({
  page,
  hqServer
}) => {
  const { hq } = hqServer
  const battery = {
    partNumber: 'BAT-1',
    name: '电池 X1',
    description: '',
    unit: '个',
    claimPriceFen: 9000,
    retailPriceFen: 15000,
    returnFaulty: true,
    serialTracked: false
  }
  await upsertCatalogueParts(hq, [
    battery,
    { ...battery, partNumber: 'SCR-1', name: '屏幕总成 X1', claimPriceFen: 30000 }
  ])
  await signInAtHq(page, hqServer.url)
  await page.getByRole('tab', { name: '配件目录' }).click()
  const table = page.getByTestId('hq-catalogue')
  await expect(table).toContainText('屏幕总成 X1')
  await page.getByTestId('hq-catalogue-search').fill('bat')
  await expect(table).not.toContainText('屏幕总成 X1')
  await expect(table).toContainText('¥90.00')

  await page.getByTestId('hq-catalogue-edit-BAT-1').click()
  const dialog = page.getByTestId('hq-catalogue-dialog')
  await expect(dialog.getByTestId('hq-catalogue-number')).toBeDisabled()
  await dialog.getByTestId('hq-catalogue-claim-price').locator('input').fill('95')
  await dialog.getByTestId('hq-catalogue-save').click()
  await expect(table).toContainText('¥95.00')

  await page.getByTestId('hq-catalogue-add').click()
  await dialog.getByTestId('hq-catalogue-number').fill('BAT-1')
  await dialog.getByTestId('hq-catalogue-name').fill('电池 重复')
  await dialog.getByTestId('hq-catalogue-save').click()
  await expect(page.getByText('该配件号已在目录中，请搜索后编辑。')).toBeVisible()
  await dialog.getByTestId('hq-catalogue-number').fill('BAT-2')
  await dialog.getByTestId('hq-catalogue-name').fill('电池 X2')
  await dialog.getByTestId('hq-catalogue-claim-price').locator('input').fill('88')
  await settled(page)
  await screenshot(page, 'hq-catalogue-dialog')
  await dialog.getByTestId('hq-catalogue-save').click()
  await expect(table).toContainText('电池 X2')
  await expect
    .poll(async () => {
      const rows = await hq.db.selectFrom('catalogueParts').select(['partNumber', 'name', 'claimPriceFen']).execute()
      return rows.sort((a, b) => a.partNumber.localeCompare(b.partNumber))
    })
    .toEqual([
      { partNumber: 'BAT-1', name: '电池 X1', claimPriceFen: 9500 },
      { partNumber: 'BAT-2', name: '电池 X2', claimPriceFen: 8800 },
      { partNumber: 'SCR-1', name: '屏幕总成 X1', claimPriceFen: 30000 }
    ])
  await settled(page)
  await screenshot(page, 'hq-catalogue')
})
