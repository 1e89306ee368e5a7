import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the real UI through the HTTP host in Debian's Chromium (Playwright's
 * own browser download is not reachable here). Each test starts its own host on a fresh data
 * folder, see tests/e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Two tests at a time on a 2-core machine: each waits on its browser and its host much of the
  // time. (A context a test opens is closed when it ends, see fixtures.ts: before that, pages of
  // finished tests kept polling their stopped hosts and loaded the machine more with every test.)
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  use: {
    testIdAttribute: 'data-test',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  }
})
