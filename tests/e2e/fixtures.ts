import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE_NAME } from '../../src-main/app/openApp'

export interface ShopHost {
  url: string
  dataDir: string
  /** Calls the contract over HTTP, as the browser would; for arranging data before a test. */
  rpc<T = unknown>(operation: string, input: unknown, token?: string): Promise<T>
}

/** How long a host may take to say it is listening before its test fails. */
const HOST_START_LIMIT_MS = 90_000
/** A host fixture's own limit: the start, and the stop that folds the write-ahead log. */
const HOST_FIXTURE_LIMIT_MS = HOST_START_LIMIT_MS + 30_000

/**
 * Starts the built browser-mode host (`out/main/web.js`) on a free port with a new data folder:
 * empty, or holding a copy of the worker's freshly migrated database (see `migratedDatabase`).
 */
async function startHost(
  migratedDatabase?: string
): Promise<{ host: ShopHost; stop: (beforeRemoving?: () => void) => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-center-e2e-'))
  if (migratedDatabase) copyFileSync(migratedDatabase, join(dataDir, DATABASE_FILE_NAME))
  // No daily backup: it is due at once after 21:30 shop time, and a test must not depend on the hour.
  // No sync timer: a test syncs when it means to (a timed run had reset a "late" sync under test).
  // Cheap password hashes for the shop's users (a minute of the suite's CPU at the real cost): they
  // carry their parameters, so signing in is checked as in a shop (src-main/host/web/testPasswordCost.ts).
  const args = [
    'out/main/web.js',
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--no-backup-schedule',
    '--no-sync-schedule',
    '--test-password-cost'
  ]
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    // A start takes about a second on an idle machine but took 34-41 s while six engineers' runs
    // shared its two cores: the limit catches a host that hangs, not a slow one.
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), HOST_START_LIMIT_MS)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  const rpc = async <T>(operation: string, input: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${url}rpc/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input)
    })
    const body = (await response.json()) as { ok: boolean; data?: T; error?: unknown }
    if (!body.ok) throw new Error(`${operation} failed: ${JSON.stringify(body.error)}`)
    return body.data as T
  }
  const stop = async (beforeRemoving?: () => void) => {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    beforeRemoving?.()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { host: { url, dataDir, rpc }, stop }
}

export const test = base.extend<{ host: ShopHost }, { migratedDatabase: string }>({
  // The host migrates a new data folder's database from its first step at start-up, which costs
  // more than half a second of a busy machine's CPU; each worker has it done once, by a host it
  // starts and stops, and every test's host starts on a copy of that database (still without a shop).
  migratedDatabase: [
    // Playwright reads a fixture's dependencies from this pattern, and this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const folder = mkdtempSync(join(tmpdir(), 'service-center-e2e-migrated-'))
      const { host, stop } = await startHost()
      const file = join(folder, DATABASE_FILE_NAME)
      // The host folds its write-ahead log into the file when it stops.
      await stop(() => copyFileSync(join(host.dataDir, DATABASE_FILE_NAME), file))
      await use(file)
      rmSync(folder, { recursive: true, force: true })
    },
    // Its own time limit: the first test's minute is not spent on it.
    { scope: 'worker', timeout: HOST_FIXTURE_LIMIT_MS }
  ],
  host: [
    async ({ browser, migratedDatabase }, use) => {
      const contextsBefore = new Set(browser.contexts())
      const { host, stop } = await startHost(migratedDatabase)
      await use(host)
      // The browser lives for the whole worker: a context a test opened (staffPage) would outlive
      // it, its pages retrying the stopped host every two seconds for the rest of the run, and the
      // machine's load growing test by test. They are closed before their host stops.
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !contextsBefore.has(context))
          .map((context) => context.close())
      )
      await stop()
    },
    // Its own time limit too: a start slowed by a busy machine does not eat the test's minute.
    { timeout: HOST_FIXTURE_LIMIT_MS }
  ]
})

export { expect }

export const ADMIN = { username: 'admin', displayName: '赵建国', password: 'admin-pass-2026' }

/** Sets the shop up through the API, for tests that start after first run. Returns the admin token. */
export async function setUpShop(host: ShopHost): Promise<string> {
  const result = await host.rpc<{ token: string }>('setup.initialize', {
    shop: {
      name: '鑫诚手机维修中心',
      address: '广州市天河区天河路 385 号',
      phone: '020-38886688',
      taxNumber: '',
      logo: null,
      timeZone: 'Asia/Shanghai'
    },
    admin: ADMIN
  })
  return result.token
}

/** Opens the sign-in page and submits a user name and password, whether or not they are right. */
export async function submitSignIn(page: Page, host: ShopHost, username: string, password: string): Promise<void> {
  await page.goto(host.url)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('input[name=password]').press('Enter')
}

/**
 * Signs in and returns once the signed-in shell (its menu) shows: a test's next step then acts on
 * the shop's screens, not on a sign-in page still waiting for the host's answer.
 */
export async function signIn(page: Page, host: ShopHost, username: string, password: string): Promise<void> {
  await submitSignIn(page, host, username, password)
  await expect(page.getByTestId('main-nav')).toBeVisible()
}

/** Saves a full-page screenshot under test-results/screens for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join('test-results', 'screens')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

type BrowserDocument = { document: { getAnimations(): unknown[] } }

/** Waits out dialog and message transitions, so a screenshot shows what the person sees once it settles. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as BrowserDocument).document.getAnimations().length === 0)
}

/** The shell scrolls inside its main area; a tall window lets one screenshot show a whole page. */
export async function tallScreenshot(page: Page, name: string, height = 1100): Promise<void> {
  const size = page.viewportSize()
  await page.setViewportSize({ width: 1280, height })
  await settled(page)
  await screenshot(page, name)
  if (size) await page.setViewportSize(size)
}

type BrowserGlobals = { sessionStorage: { getItem(key: string): string | null } }

/** The session token the page holds, to call the API as that user (e.g. to prove a refusal). */
export function pageSessionToken(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as BrowserGlobals).sessionStorage.getItem('service-center.token'))
}

/** A separate browser context per person at the shop, each signed in as themselves. */
export async function staffPage(browser: Browser, host: ShopHost, username: string, password: string): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, host, username, password)
  await expect(page.getByTestId('welcome')).toBeVisible()
  return page
}

/** A scanner's keys are this far apart (a USB scanner sends a 12-character code in well under 100 ms). */
const SCANNER_KEY_SECONDS = 0.005

/**
 * Types `text` and Enter as a barcode scanner does: through Chromium's input pipeline, each key
 * stamped 5 ms after the one before. A scanner's keys carry the operating system's timestamps,
 * which the page reads (`event.timeStamp`) however late it gets to them; Playwright's keyboard
 * stamps each key when it arrives, so a busy machine spaced a test's "scan" out like a person's
 * typing and the app rightly ignored its first keys.
 */
export async function scanKeys(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  const keys = [
    ...[...text].map((char) => ({ key: char, text: char })),
    { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 }
  ]
  for (const [i, key] of keys.entries()) {
    const timestamp = start + i * SCANNER_KEY_SECONDS
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp, ...key })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp, key: key.key })
  }
  await cdp.detach()
}

/** Who brings what in, for a job taken in through the API. */
export interface WalkIn {
  customer: { name: string; mobile: string }
  device: { brand: string; model: string; serial: string }
  serviceType: 'warranty_repair' | 'paid_repair'
  reportedFault: string
  /** A deposit left in cash at check-in; none when left out. */
  depositFen?: number
}

/**
 * A job taken in at the counter through the API, for tests that start with one: a new customer
 * and device, no marks, accessories or passcode, and a cash deposit only when the walk-in leaves
 * one. Returns the order and its claim code.
 */
export async function takeIn(
  host: ShopHost,
  token: string,
  walkIn: WalkIn
): Promise<{ workOrder: { id: string; number: string }; claimCode: string }> {
  return host.rpc(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: walkIn.customer },
      device: { kind: 'new', fields: walkIn.device },
      serviceType: walkIn.serviceType,
      intakeChannel: 'walk_in',
      reportedFault: walkIn.reportedFault,
      symptomCode: 'S01',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' },
      depositFen: walkIn.depositFen ?? 0,
      depositMethod: 'cash'
    },
    token
  )
}

/**
 * Types a new customer's walk-in into the check-in form as the desk does: the serial ends with
 * Enter (looked up, found new), then the device and the fault. Saving is left to the test.
 */
export async function typeWalkIn(page: Page, walkIn: Omit<WalkIn, 'serviceType'>): Promise<void> {
  await page.locator('input[name=customer-name]').fill(walkIn.customer.name)
  await page.locator('input[name=customer-mobile]').fill(walkIn.customer.mobile)
  await page.locator('input[name=serial]').fill(walkIn.device.serial)
  await page.locator('input[name=serial]').press('Enter')
  await expect(page.getByText('新设备，请填写品牌和型号')).toBeVisible()
  await page.locator('input[name=device-brand]').fill(walkIn.device.brand)
  await page.locator('input[name=device-model]').fill(walkIn.device.model)
  await page.locator('input[name=reported-fault]').fill(walkIn.reportedFault)
}

/** Creates a staff member through the admin's session. */
export async function hire(
  host: ShopHost,
  adminToken: string,
  username: string,
  displayName: string,
  role: string
): Promise<{ username: string; password: string }> {
  const password = `${username}-pass-2026`
  await host.rpc('users.create', { username, displayName, phone: '', role, password }, adminToken)
  return { username, password }
}

/**
 * Switches the interface language through the header's menu. The click that opens the menu is
 * made again until the option shows: one that lands while the page is still mounting opens nothing
 * (a CI run waited a minute on a menu that never opened).
 */
export async function switchLanguage(page: Page, name: string): Promise<void> {
  const option = page.getByRole('option', { name })
  await expect(async () => {
    if (!(await option.isVisible())) await page.getByTestId('language-switch').click()
    await option.click({ timeout: 2_000 })
  }).toPass()
}
