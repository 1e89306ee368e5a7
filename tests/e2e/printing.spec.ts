import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'
import { PAPERS, printRoute, type Paper } from '../../src-shared/domain/paper'
import { test, expect, screenshot, setUpShop, staffPage, hire, scanKeys, ADMIN, type ShopHost } from './fixtures'
import { renderDocument, type Rendered } from './printedDocument'

/**
 * Printed documents: every document type on every paper it supports is drawn by the print
 * route, rendered to PDF by Chromium the way the desktop shell prints it, and checked with
 * poppler (pdfinfo: page size and count; pdftotext: what it says). Each PDF is also turned into a
 * PNG under test-results/print for a person to look at.
 */

const PT_PER_MM = 72 / 25.4

interface Arranged {
  adminToken: string
  desk: { username: string; password: string; token: string }
  workOrder: { id: string; number: string }
  claimCode: string
  passcode: string
}

type Json = Record<string, unknown>

/** A small PNG (a dark ring on white) as a data URL, so the shop has a logo to print. */
function logoDataUrl(): string {
  const size = 64
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3, 255)
    row[0] = 0
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5)
      if ((r > 20 && r < 29) || (Math.abs(x - y) < 4 && r < 20)) row.fill(20, 1 + x * 3, 4 + x * 3)
    }
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([head, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 2
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

/** Every text as long as the contract allows, for the test that nothing runs off the paper. */
const LONG = {
  shopName: '鑫诚家电手机维修服务中心（广州天河太古汇旗舰店·华为小米OPPO vivo 荣耀授权服务网点）',
  address:
    '广东省广州市天河区天河路 385 号太古汇商场北座 2 楼 218 室（地铁 3 号线石牌桥站 D 出口步行 200 米，停车场 B2 层电梯直达，工作日 9:00-20:00 周末 10:00-21:00 营业，节假日另行通知）',
  customer: '广州市天河区某某科技有限公司行政部（联系人：欧阳长风先生）员工设备统一报修',
  brand: 'HUAWEI TECHNOLOGIES CO LTD CONSUMER',
  model: 'Mate 60 Pro+ 全网通 16GB+1TB 砚黑 卫星通话版 (ALN-AL10) 企业定制款',
  serial: 'A1B2C3D4E5F6G7H8J9K0L1M2N3P4Q5R6S7T8U9V0',
  fault: '屏幕碎裂触摸失灵，'.repeat(55),
  note: '机身边框多处磕碰掉漆，'.repeat(18),
  part: '屏幕总成（原装，含中框、电池盖、前置摄像头模组、听筒网、防水胶圈、排线及全部螺丝）适用 Mate 60 Pro+ 卫星通话版企业定制款专用维修备件',
  labour: '更换屏幕总成、中框与电池盖，重新粘合防水胶圈，校准触摸与指纹，整机功能检测与气密性测试，清洁消毒后交付客户'
}

/** The shop (with logo and tax number), a counter clerk, and a warranty repair finished on the bench. */
async function arrange(host: ShopHost, long = false): Promise<Arranged> {
  const adminToken = await setUpShop(host)
  const settings = await host.rpc<{ profile: Json; idleLockMinutes: number; approvalThresholdFen: number }>(
    'settings.get',
    {},
    adminToken
  )
  await host.rpc(
    'settings.update',
    {
      profile: {
        ...settings.profile,
        ...(long ? { name: LONG.shopName, address: LONG.address } : {}),
        logo: logoDataUrl(),
        taxNumber: '91440106MA5D8XK27Q',
        phone: '020-3888 6688'
      },
      idleLockMinutes: settings.idleLockMinutes,
      approvalThresholdFen: settings.approvalThresholdFen
    },
    adminToken
  )
  const deskUser = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const desk = { ...deskUser, token: (await host.rpc<{ token: string }>('auth.signIn', deskUser)).token }
  const passcode = '864209'
  const created = await host.rpc<{ workOrder: { id: string; number: string }; claimCode: string }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: long ? LONG.customer : '张三丰', mobile: '13800138000' } },
      device: {
        kind: 'new',
        fields: long
          ? { brand: LONG.brand, model: LONG.model, serial: LONG.serial }
          : { brand: '华为', model: 'Mate 60 Pro', serial: 'HWM60P2026A7' }
      },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: long
        ? LONG.fault.slice(0, 500)
        : '摔过一次后屏幕碎裂，触摸失灵，偶尔自动重启；客户希望保留数据，今天下班前能取最好。外壳右下角有磕碰，请一并检查。',
      symptomCode: 'S01',
      condition: {
        scratches: true,
        cracks: true,
        liquidMarks: long,
        note: long ? LONG.note.slice(0, 200) : '屏幕右下角裂痕'
      },
      accessories: long
        ? {
            items: ['charger', 'cable', 'box', 'case', 'sim_card', 'memory_card', 'remote_control'],
            note: LONG.note.slice(0, 200)
          }
        : { items: ['charger', 'case'], note: '' },
      passcode: { consent: true, value: passcode },
      estimateFen: 58_000,
      depositFen: 5_000,
      depositMethod: 'cash'
    },
    desk.token
  )
  const id = created.workOrder.id
  const move = (to: string) => host.rpc('workOrders.transition', { id, to }, adminToken)
  await move('diagnosing')
  await move('repairing')
  await host.rpc(
    'workOrders.addLabour',
    { id, description: long ? LONG.labour : '更换屏幕总成', minutes: 40, priceFen: 8_000 },
    adminToken
  )
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'SCR-M60P-01',
      name: long ? LONG.part : '屏幕总成（原装）',
      barcodes: ['6901234567892'],
      sellingPriceFen: 45_000,
      costPriceFen: 20_000
    },
    adminToken
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-1', lines: [{ partId: part.id, quantity: 2, unitCostFen: 20_000 }] },
    adminToken
  )
  await host.rpc('workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, adminToken)
  await host.rpc(
    'workOrders.updateNotes',
    {
      id,
      internalNote: '内部备注：客户脾气急，勿提维修延误',
      customerNote: long ? '取机时请携带购机发票和身份证件，'.repeat(60) : '取机时请携带购机发票'
    },
    adminToken
  )
  await move('quality_check')
  await move('ready_for_pickup')
  return { adminToken, desk, workOrder: created.workOrder, claimCode: created.claimCode, passcode }
}

/** Pays the job at the counter: the screen is covered by the brand; labour (the damage was the customer's) and a film are theirs, in WeChat Pay and cash. */
async function checkOut(host: ShopHost, arranged: Arranged): Promise<{ id: string; number: string }> {
  const draft = await host.rpc<{ lines: { kind: string; sourceId: string }[] }>(
    'checkout.draft',
    { workOrderId: arranged.workOrder.id },
    arranged.desk.token
  )
  const labourLine = draft.lines.find((line) => line.kind === 'labour')!
  return host.rpc<{ id: string; number: string }>(
    'checkout.pay',
    {
      workOrderId: arranged.workOrder.id,
      payers: { [labourLine.sourceId]: 'customer' },
      charges: [{ description: '钢化膜', quantity: 1, unitPriceFen: 3_000, payer: 'customer' }],
      discountFen: 1_000,
      discountReason: '老客户',
      // Lines 80 + 450 + 30 = 560; the brand pays 450; 110 − 10 discount − 50 deposit = 50 due.
      tenders: [
        { method: 'wechat_pay', amountFen: 2_000 },
        { method: 'cash', amountFen: 5_000 }
      ]
    },
    arranged.desk.token
  )
}

/** Code128's bar patterns, as JsBarcode draws them (1 = bar, 0 = space), by symbol value. */
// The table ships as CommonJS without types, so it is required rather than imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CODE128_BARS = (require('jsbarcode/bin/barcodes/CODE128/constants') as { BARS: number[] }).BARS.map(String)

/**
 * Reads a Code128 barcode back off the printed page, as a scanner would: one row of pixels across
 * the bars (at `rowMm` from the top, rendered at 600 dpi), bar and space widths in modules, six
 * elements a symbol, the code sets, the checksum. Also says how wide the quiet zone before the
 * first bar is, in modules.
 */
function readCode128(file: string, rowMm: number): { text: string; quietModules: number; moduleMm: number } {
  const prefix = file.replace(/\.pdf$/, '-scan')
  execFileSync('pdftoppm', ['-gray', '-r', '600', '-f', '1', '-l', '1', '-singlefile', file, prefix])
  const pgm = readFileSync(`${prefix}.pgm`)
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const width = Number(header[1])
  const offset = header[0].length
  const y = Math.round((rowMm / 25.4) * 600)
  const dark = (x: number) => pgm[offset + y * width + x]! < 128
  let first = 0
  while (first < width && !dark(first)) first++
  let last = width - 1
  while (last > first && !dark(last)) last--
  const runs: number[] = []
  for (let x = first, run = 0; x <= last; x++) {
    run++
    if (x === last || dark(x) !== dark(x + 1)) {
      runs.push(run)
      run = 0
    }
  }
  // Start, data and checksum symbols are 6 elements and 11 modules each; the stop is 7 and 13.
  const symbols = (runs.length - 7) / 6
  expect(Number.isInteger(symbols), `${file}: ${runs.length} bars and spaces`).toBe(true)
  const modulePx = (last - first + 1) / (symbols * 11 + 13)
  const pattern = (from: number, count: number) =>
    runs
      .slice(from, from + count)
      .map((run, i) => (i % 2 === 0 ? '1' : '0').repeat(Math.max(1, Math.round(run / modulePx))))
      .join('')
  const values = Array.from({ length: symbols }, (_, i) => CODE128_BARS.indexOf(pattern(i * 6, 6)))
  expect(
    values.every((value) => value >= 0),
    `${file}: every symbol reads`
  ).toBe(true)
  expect(CODE128_BARS.indexOf(pattern(symbols * 6, 7)), `${file}: stop`).toBe(106)
  const [start, ...rest] = values
  const data = rest.slice(0, -1)
  const checksum = data.reduce((sum, value, i) => sum + value * (i + 1), start!) % 103
  expect(checksum, `${file}: checksum`).toBe(rest.at(-1))
  let set = start === 103 ? 'A' : start === 104 ? 'B' : 'C'
  let text = ''
  for (const value of data) {
    if (value === 99 || value === 100 || value === 101)
      set = set === 'C' ? (value === 100 ? 'B' : 'A') : value === 99 ? 'C' : value === 100 ? 'B' : 'A'
    else if (set === 'C') text += String(value).padStart(2, '0')
    else if (set === 'B') text += String.fromCharCode(value + 32)
    else text += String.fromCharCode(value < 64 ? value + 32 : value - 64)
  }
  return { text, quietModules: first / modulePx, moduleMm: (modulePx / 600) * 25.4 }
}

/** The PDF's page is the paper: within a point of its size in mm (a roll as long as it measured). */
function expectPaper(rendered: Rendered, paper: Paper, pages: number): void {
  const { widthMm, heightMm } = PAPERS[paper]
  expect(rendered.pages, `${rendered.file} pages`).toBe(pages)
  expect(Math.abs(rendered.widthPt - widthMm * PT_PER_MM), `${rendered.file} width ${rendered.widthPt}pt`).toBeLessThan(
    1
  )
  if (heightMm !== null)
    expect(
      Math.abs(rendered.heightPt - heightMm * PT_PER_MM),
      `${rendered.file} height ${rendered.heightPt}pt`
    ).toBeLessThan(1)
  else expect(rendered.heightPt, `${rendered.file} roll length`).toBeGreaterThan(60 * PT_PER_MM)
}

const SHOP_NAME = '鑫诚手机维修中心'

test('every document prints on every paper it supports: right size, one page where it must, the figures that add up', async ({
  browser,
  host
}) => {
  test.setTimeout(240_000)
  const arranged = await arrange(host)
  const number = arranged.workOrder.number
  const id = arranged.workOrder.id
  // The admin sees the passcode on screen; the paper never shows it.
  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)

  // At intake: the claim receipt (both parts) and the device label.
  for (const [paper, pages] of [
    ['a4', 1],
    ['a5', 2]
  ] as const) {
    const claim = await renderDocument(page, host, 'claim_receipt', id, paper, `claim_receipt-${paper}`)
    expectPaper(claim, paper, pages)
    expect(claim.text).toContain(SHOP_NAME)
    expect(claim.text).toContain('91440106MA5D8XK27Q')
    expect(claim.text).toContain(number)
    expect(claim.text).toContain(arranged.claimCode)
    expect(claim.text).toContain('客户联')
    expect(claim.text).toContain('门店联')
    expect(claim.text).toContain('HWM60P2026A7')
    expect(claim.text).toContain('¥580.00')
    expect(claim.text).toContain('¥50.00')
    expect(claim.text).toContain('客户签名')
    expect(claim.text).not.toContain(arranged.passcode)
    expect(claim.text).toContain('取机时请携带购机发票')
    expect(claim.text).not.toContain('内部备注')
    expect(claim.text).not.toContain('副本')
  }
  for (const paper of ['label_50x30', 'label_40x30'] as const) {
    const label = await renderDocument(page, host, 'device_label', id, paper, `device_label-${paper}`)
    expectPaper(label, paper, 1)
    expect(label.text).toContain(number)
    expect(label.text).toContain('张三丰')
    // The fault is cut short with an ellipsis, never run off the label.
    expect(label.text).toContain('摔过一次')
    expect(label.text).toContain('…')
    // Read back off the printed label: the number exactly, bars no thinner than 0.19 mm, and a
    // quiet zone of ten modules before them.
    const scanned = readCode128(label.file, 6)
    expect(scanned.text).toBe(number)
    expect(scanned.moduleMm).toBeGreaterThanOrEqual(0.19)
    expect(scanned.quietModules).toBeGreaterThanOrEqual(9.5)
  }

  // The running period's day close, before anything is paid: only the deposit so far.
  const preview = await renderDocument(page, host, 'day_close_report', 'open', 'a4', 'day_close_report-open-a4')
  expectPaper(preview, 'a4', 1)
  expect(preview.text).toContain('日结预览（尚未结账）')
  expect(preview.text).toContain('50.00')

  // Checkout, a refund on the film, hand-over, day close.
  const invoice = await checkOut(host, arranged)
  const creditNote = await host.rpc<{ id: string; number: string }>(
    'checkout.creditNote',
    {
      invoiceId: invoice.id,
      lines: [
        {
          lineId: (
            await host.rpc<{ lines: { id: string; description: string }[] }>(
              'checkout.get',
              { id: invoice.id },
              arranged.adminToken
            )
          ).lines.find((line) => line.description === '钢化膜')!.id,
          amountFen: 3_000
        }
      ],
      reason: '钢化膜尺寸不符，客户退回',
      refundMethod: 'alipay'
    },
    arranged.adminToken
  )
  // Printed before hand-over, the slip cannot date a period that starts at hand-over.
  const early = await renderDocument(page, host, 'warranty_slip', id, 'a4', 'warranty_slip-before-hand-over-a4')
  expectPaper(early, 'a4', 1)
  expect(early.text).toContain('交付时间未交付')
  expect(early.text).toContain('自交付之日起90天')
  expect(early.text).not.toContain('保修截止')
  await host.rpc('workOrders.pickup', { id, claimCode: arranged.claimCode, confirmed: true }, arranged.desk.token)
  // Cash: 50 deposit + 30 (50 tendered, 20 change) = 80 expected; 79.50 counted.
  const close = await host.rpc<{ id: string; number: string }>(
    'dayClose.close',
    { countedCashFen: 7_950, note: '少五毛' },
    arranged.adminToken
  )

  for (const paper of ['roll_80', 'roll_58', 'a4'] as const) {
    const receipt = await renderDocument(page, host, 'payment_receipt', invoice.id, paper, `payment_receipt-${paper}`)
    expectPaper(receipt, paper, 1)
    expect(receipt.text).toContain(SHOP_NAME)
    expect(receipt.text).toContain(invoice.number)
    expect(receipt.text).toContain(number)
    expect(receipt.text).toContain('560.00') // all lines
    expect(receipt.text).toContain('-450.00') // covered by the brand
    expect(receipt.text).toContain('保修')
    expect(receipt.text).toContain('-10.00') // discount
    expect(receipt.text).toContain('¥50.00') // due
    expect(receipt.text).toContain('微信支付')
    expect(receipt.text).toContain('现金')
    expect(receipt.text).toContain('找零20.00')
    expect(receipt.text).toContain('李婷')
  }
  const credit = await renderDocument(
    page,
    host,
    'payment_receipt',
    creditNote.id,
    'roll_80',
    'payment_receipt-credit-roll_80'
  )
  expectPaper(credit, 'roll_80', 1)
  expect(credit.text).toContain('退款单')
  expect(credit.text).toContain(creditNote.number)
  expect(credit.text).toContain(invoice.number)
  expect(credit.text).toContain('支付宝')
  // The ¥10 discount was spread over the customer's ¥110: the ¥30 film was paid ¥27.27, and the
  // voucher says where the other ¥2.73 went, so its figures add up (-30.00 + 2.73 = -27.27).
  expect(credit.text).toContain('¥27.27')
  expect(credit.text).toContain('原优惠分摊（不退）')
  expect(credit.text).toContain('2.73')

  for (const paper of ['a4', 'a5', 'roll_80'] as const) {
    const slip = await renderDocument(page, host, 'warranty_slip', id, paper, `warranty_slip-${paper}`)
    expectPaper(slip, paper, 1)
    expect(slip.text).toContain(SHOP_NAME)
    expect(slip.text).toContain(number)
    expect(slip.text).toContain('屏幕总成（原装）')
    expect(slip.text).toContain('更换屏幕总成')
    expect(slip.text).toContain('90天')
    expect(slip.text).toContain('保修截止')
    expect(slip.text).not.toContain('自交付之日起90天')
    expect(slip.text).toContain('取机时请携带购机发票')
    expect(slip.text).not.toContain('内部备注')
    expect(slip.text).toContain(invoice.number)
  }

  for (const paper of ['a4', 'roll_80'] as const) {
    const report = await renderDocument(page, host, 'day_close_report', close.id, paper, `day_close_report-${paper}`)
    expectPaper(report, paper, 1)
    expect(report.text).toContain(SHOP_NAME)
    expect(report.text).toContain(close.number)
    // Takings: 50 deposit + 20 WeChat + 30 cash − 27.27 refunded (the film's share of what was paid).
    expect(report.text).toContain('72.73')
    expect(report.text).toContain('80.00') // expected cash
    expect(report.text).toContain('79.50') // counted
    expect(report.text).toContain('-0.50（短款）')
    expect(report.text).toContain('李婷')
  }

  // A phone's charger failing on the day it was sold: its 三包 exchange slip.
  const charger = await host.rpc<{ id: string }>(
    'parts.create',
    { partNumber: 'HW-CHG-66W', name: '华为 66W 超级快充充电器', barcodes: [], sellingPriceFen: 14_900 },
    arranged.adminToken
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-CHG', lines: [{ partId: charger.id, quantity: 1, unitCostFen: 6_000 }] },
    arranged.adminToken
  )
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const sold = await host.rpc<{ unit: { id: string } }>(
    'warranty.register',
    {
      serial: 'HWM60P2026S1',
      brand: '华为',
      model: 'Mate 60 Pro',
      categoryKey: 'mobile_phone',
      purchaseDate: today,
      invoiceNumber: '44039001',
      buyerName: '张三丰'
    },
    arranged.adminToken
  )
  const { remedy } = await host.rpc<{ remedy: { id: string; number: string } }>(
    'warranty.exchangeAccessory',
    {
      unitId: sold.unit.id,
      claim: { kind: 'performance', component: 'charger' },
      partId: charger.id,
      faultySerial: 'CHG-OLD-1'
    },
    arranged.adminToken
  )
  for (const paper of ['roll_80', 'roll_58', 'a4'] as const) {
    const slip = await renderDocument(page, host, 'accessory_slip', remedy.id, paper, `accessory_slip-${paper}`)
    expectPaper(slip, paper, 1)
    expect(slip.text).toContain(SHOP_NAME)
    expect(slip.text).toContain(remedy.number)
    expect(slip.text).toContain('HWM60P2026S1')
    expect(slip.text).toContain('华为66W超级快充充电器')
    expect(slip.text).toContain('CHG-OLD-1')
  }
})

test('a reprint is a copy: the second print says 副本 on the paper, the preview warns before it', async ({
  browser,
  host
}) => {
  const arranged = await arrange(host)
  const id = arranged.workOrder.id
  const deskPage = await staffPage(browser, host, arranged.desk.username, arranged.desk.password)

  // From the work order: the counter's print buttons open the preview outside the shell.
  await deskPage.goto(`${host.url}#/work-orders/${id}`)
  await deskPage.getByTestId('print-device_label').click()
  await expect(deskPage).toHaveURL(new RegExp(`#/print/device_label/${id}\\?paper=label_50x30$`))
  await expect(deskPage.locator('body[data-print-ready="1"]')).toBeAttached()
  await expect(deskPage.getByTestId('main-nav')).toHaveCount(0)
  await expect(deskPage.getByTestId('print-status')).toContainText('尚未打印')
  await expect(deskPage.getByTestId('print-copy-mark')).toHaveCount(0)

  // Browser mode: the page counts the print, then opens the browser's print dialog.
  await deskPage.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; printed: number }
    w.printed = 0
    w.print = () => {
      w.printed += 1
    }
  })
  const printed = () => deskPage.evaluate(() => (globalThis as unknown as { printed: number }).printed)
  await deskPage.getByTestId('print-button').click()
  await expect.poll(printed).toBe(1)
  await expect(deskPage.getByTestId('print-status')).toContainText('已打印 1 次')
  await expect(deskPage.getByTestId('print-copy-mark')).toHaveCount(0)
  await deskPage.getByTestId('print-button').click()
  await expect.poll(printed).toBe(2)
  await expect(deskPage.getByTestId('print-copy-mark')).toHaveText('副本')
  await expect(deskPage.getByTestId('print-status')).toContainText('已打印 2 次')
  await screenshot(deskPage, 'print-preview-label-copy')

  // Another paper from the toolbar, then back to the work order.
  await deskPage.getByTestId('paper-label_40x30').click()
  await expect(deskPage).toHaveURL(/paper=label_40x30/)
  await expect(deskPage.locator('[data-test="print-sheet"][data-paper="label_40x30"]')).toBeVisible()
  await deskPage.getByTestId('print-back').click()
  await expect(deskPage.getByTestId('work-order-number')).toHaveText(arranged.workOrder.number)

  // The print log says who printed what: the counter's own count, over the API.
  const first = await host.rpc<{ mode: string; printNumber: number }>(
    'printing.print',
    { documentType: 'claim_receipt', entityId: id, paper: 'a4' },
    arranged.desk.token
  )
  expect(first).toEqual({ mode: 'browser', printNumber: 1 })
  const second = await host.rpc<{ mode: string; printNumber: number }>(
    'printing.print',
    { documentType: 'claim_receipt', entityId: id, paper: 'a4' },
    arranged.desk.token
  )
  expect(second.printNumber).toBe(2)
  const original = await renderDocument(deskPage, host, 'claim_receipt', id, 'a4', 'claim_receipt-a4-print1', 1)
  expect(original.text).not.toContain('副本')
  const copy = await renderDocument(
    deskPage,
    host,
    'claim_receipt',
    id,
    'a4',
    'claim_receipt-a4-print2',
    second.printNumber
  )
  expectPaper(copy, 'a4', 1)
  // Both parts of the page carry the mark.
  expect(copy.text.match(/副本COPY/g)?.length).toBe(2)
  const labelCopy = await renderDocument(deskPage, host, 'device_label', id, 'label_50x30', 'device_label-copy', 3)
  expectPaper(labelCopy, 'label_50x30', 1)
  expect(labelCopy.text).toContain('副本')
  const slipCopy = await renderDocument(deskPage, host, 'warranty_slip', id, 'roll_80', 'warranty_slip-roll_80-copy', 2)
  expectPaper(slipCopy, 'roll_80', 1)
  expect(slipCopy.text).toContain('副本COPY')
  // On A4 the mark is also across the page (fixed: the printer repeats it on every page the document runs to).
  const slipA4Copy = await renderDocument(deskPage, host, 'warranty_slip', id, 'a4', 'warranty_slip-a4-copy', 2)
  expectPaper(slipA4Copy, 'a4', 1)
  expect(slipA4Copy.text).toContain('副本COPY')
  await expect(deskPage.locator('.copy-watermark')).toHaveText('副本 COPY')

  // In English when the counter works in English.
  await deskPage.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'service-center.locale',
      'en'
    )
  )
  const english = await renderDocument(deskPage, host, 'claim_receipt', id, 'a5', 'claim_receipt-a5-en', 2)
  expectPaper(english, 'a5', 2)
  expect(english.text).toContain('Repairclaimreceipt')
  expect(english.text).toContain('Customercopy')
  expect(english.text).toContain('COPY')
  expect(english.text).not.toContain('副本')
  // Its labels take an English colon, not the Chinese one; the toolbar counts the prints in English.
  expect(english.text).toContain('Receivedby:')
  expect(english.text).not.toContain('：')
  await expect(deskPage.getByTestId('print-status')).toContainText('Print count: 2')

  // Only the desktop shell's own print window takes a session from its address: in a browser, a
  // link carrying someone's token signs nobody in, and the token is dropped from the address.
  const context = await browser.newContext()
  const stranger = await context.newPage()
  await stranger.goto(
    `${host.url}#${printRoute('device_label', id, 'label_50x30', 4)}&token=${encodeURIComponent(arranged.desk.token)}`
  )
  await expect(stranger).toHaveURL(/#\/sign-in/)
  expect(stranger.url()).not.toContain(encodeURIComponent(arranged.desk.token))
  await expect(stranger.getByTestId('device-label')).toHaveCount(0)
  await context.close()
})

test('the longest names, faults and addresses stay on the paper: cut short where space is fixed, wrapped where it runs on', async ({
  browser,
  host
}) => {
  test.setTimeout(120_000)
  const arranged = await arrange(host, true)
  const id = arranged.workOrder.id
  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)
  for (const [paper, pages] of [
    ['a4', 1],
    ['a5', 2]
  ] as const)
    expectPaper(
      await renderDocument(page, host, 'claim_receipt', id, paper, `long-claim_receipt-${paper}`),
      paper,
      pages
    )
  for (const paper of ['label_50x30', 'label_40x30'] as const) {
    const label = await renderDocument(page, host, 'device_label', id, paper, `long-device_label-${paper}`)
    expectPaper(label, paper, 1)
    expect(readCode128(label.file, 6).text).toBe(arranged.workOrder.number)
  }
  const invoice = await checkOut(host, arranged)
  for (const paper of ['roll_58', 'a4'] as const) {
    const receipt = await renderDocument(
      page,
      host,
      'payment_receipt',
      invoice.id,
      paper,
      `long-payment_receipt-${paper}`
    )
    expectPaper(receipt, paper, 1)
    expect(receipt.text).toContain('¥50.00')
  }
  // A5 runs on to a second page (the terms kept together); the roll grows as long as it needs.
  for (const [paper, pages] of [
    ['a5', 2],
    ['roll_80', 1]
  ] as const) {
    expectPaper(
      await renderDocument(page, host, 'warranty_slip', id, paper, `long-warranty_slip-${paper}`),
      paper,
      pages
    )
  }
})

test('a work-order number scanned anywhere opens its work order; a serial still opens the warranty lookup', async ({
  browser,
  host
}) => {
  const arranged = await arrange(host)
  const page = await staffPage(browser, host, arranged.desk.username, arranged.desk.password)
  // Scanned on the home screen once it shows its dashboard.
  const dashboard = page.getByTestId('tiles-front-desk')
  await expect(dashboard).toBeVisible()
  // The label's barcode reads back as the number, typed by the scanner fast and ending in Enter.
  await scanKeys(page, arranged.workOrder.number)
  await expect(page).toHaveURL(new RegExp(`#/work-orders/${arranged.workOrder.id}$`))
  await expect(page.getByTestId('work-order-number')).toHaveText(arranged.workOrder.number)
  // The counter's print buttons are there; the warranty slip only once the repair is done (it is).
  await expect(page.getByTestId('print-claim_receipt')).toBeVisible()
  await expect(page.getByTestId('print-warranty_slip')).toBeVisible()
  await screenshot(page, 'print-work-order-buttons')

  await page.getByTestId('nav-home').click()
  await expect(dashboard).toBeVisible()
  await scanKeys(page, 'HWM60P2026A7')
  await expect(page).toHaveURL(/#\/warranty\?q=HWM60P2026A7$/)

  // A number of the right shape that is no work order here is looked up as a serial.
  await page.getByTestId('nav-home').click()
  await expect(dashboard).toBeVisible()
  await scanKeys(page, 'WO-991231-9999')
  await expect(page).toHaveURL(/#\/warranty\?q=WO-991231-9999$/)
})

test('the shop sets the paper per document; previews open on it and the browser says its dialog picks the printer', async ({
  browser,
  host
}) => {
  const arranged = await arrange(host)
  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-settings').click()
  const card = page.getByTestId('print-settings')
  await expect(card.getByTestId('print-settings-browser')).toContainText('浏览器的打印对话框')
  await card.scrollIntoViewIfNeeded()
  await screenshot(page, 'print-settings')
  await card.getByTestId('print-setting-paper-device_label').click()
  await page.getByRole('option', { name: '标签 40×30 mm' }).click()
  await card.getByTestId('print-settings-save').click()
  await expect(page.getByText('已保存')).toBeVisible()
  const saved = await host.rpc<Record<string, { paper: string }>>('printing.settings', {}, arranged.adminToken)
  expect(saved.device_label!.paper).toBe('label_40x30')
  expect(saved.payment_receipt!.paper).toBe('roll_80')

  await page.goto(`${host.url}#/work-orders/${arranged.workOrder.id}`)
  await page.getByTestId('print-device_label').click()
  await expect(page).toHaveURL(/paper=label_40x30$/)
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  await expect(page.getByTestId('device-label')).toContainText(arranged.workOrder.number)
})
