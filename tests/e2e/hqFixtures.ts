import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test as base } from '@playwright/test'
import { startHq, type RunningHq } from '../../src-hq/app'

export const HQ_ADMIN_PASSWORD = 'hq-admin-password'

/**
 * An HQ for one test: its own embedded PostgreSQL cluster in a temp folder, HTTPS on a free port,
 * the built network view (`npm run build:hq-web`) at its address, and the admin `admin`.
 */
export const test = base.extend<{ hqServer: RunningHq }>({
  // The page talks to HQ's self-made certificate, as a staff member's browser would after trusting it.
  ignoreHTTPSErrors: true,
  // Playwright reads a fixture's dependencies from this parameter's destructuring: none here.
  // eslint-disable-next-line no-empty-pattern
  hqServer: async ({}, use) => {
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
  }
})

export { expect } from '@playwright/test'
