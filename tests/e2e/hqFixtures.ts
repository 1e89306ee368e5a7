import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { startHq, type RunningHq } from '../../src-hq/app'
import { expect, test as shopTest } from './fixtures'

export const HQ_ADMIN_PASSWORD = 'hq-admin-password'

/**
 * An HQ for the tests of one worker: its own embedded PostgreSQL cluster in a temp folder (started
 * once, not per test: a cluster takes seconds to start), HTTPS on a free port, the built network
 * view (`npm run build:hq-web`) at its address, and the admin `admin`. Tests sharing it register
 * shops of their own. The shop host fixture (`host`) is there too, for tests that run both sides.
 */
// Playwright's worker-scoped fixtures are declared in the second type parameter; there are no test-scoped ones.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export const test = shopTest.extend<{}, { hqServer: RunningHq }>({
  // The page talks to HQ's self-made certificate, as a staff member's browser would after trusting it.
  ignoreHTTPSErrors: true,
  hqServer: [
    // Playwright reads a fixture's dependencies from this parameter's destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'hq-e2e-'))
      const hq = await startHq({
        dataDir,
        port: 0,
        host: '127.0.0.1',
        name: 'Acme HQ',
        timeZone: 'Asia/Shanghai',
        adminPassword: HQ_ADMIN_PASSWORD,
        webRoot: path.resolve('out/hq-web')
      })
      await use(hq)
      await hq.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
    { scope: 'worker', timeout: 120_000 }
  ]
})

/** Signs in to HQ's network view as its network admin. */
export async function signInAtHq(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByTestId('hq-username').fill('admin')
  await page.getByTestId('hq-password').fill(HQ_ADMIN_PASSWORD)
  await page.getByTestId('hq-sign-in').click()
  await expect(page.getByTestId('hq-fingerprint')).toBeVisible()
}

export { expect }
