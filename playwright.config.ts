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
  // In CI a test that fails is run once more, and one that then passes is reported as "flaky" in
  // the summary, by name. The last three clean-clone runs each failed on one different test that
  // passes alone (a race with the machine's load, not a wrong result): the summary's flaky list is
  // the work list, and a test that fails twice still fails the run. Locally a failure is final.
  retries: process.env.CI ? 1 : 0,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/artifacts',
  use: {
    testIdAttribute: 'data-test',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    // No trace by default: recording one (DOM snapshots and a screencast at every step, kept only
    // for a failure) cost a quarter of each test's CPU. To see why a test fails, run it again with
    // `npx playwright test <file> --trace on`.
    trace: 'off',
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
