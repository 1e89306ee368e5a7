/**
 * Screenshots of every desk's dashboard and every report on a demo shop, at 1366x768, in Chinese
 * and English, for a person to look at (issue 16: cut labels, overlapping legends, untranslated
 * keys). Needs `npm run build` and a demo shop (`npm run demo -- --data-dir <folder>`); starts
 * the HTTP host on that folder and writes test-results/screens/demo-*.png.
 *
 *   npx tsx tools/demo/screens.ts --data-dir <folder>
 */
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, selectors, type Page } from '@playwright/test'
import { REPORTS } from '../../src-shared/contract/reports'
import { DEMO_PASSWORD } from './shop'

const argument = (name: string) => {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}
const DATA_DIR = argument('--data-dir') ?? 'demo-data'
const OUT = join('test-results', 'screens')
const DESKS = ['admin', 'wangfang', 'liting', 'zhangwei', 'zhoumin'] as const

async function startHost(): Promise<{ url: string; stop: () => void }> {
  const host = spawn('node', ['out/main/web.js', '--data-dir', DATA_DIR, '--port', '0'], { stdio: 'pipe' })
  const url = await new Promise<string>((resolve, reject) => {
    host.stdout.on('data', (chunk: Buffer) => {
      const found = /running at (\S+)/.exec(chunk.toString())
      if (found) resolve(found[1]!)
    })
    host.on('exit', (code) => reject(new Error(`the host stopped (${code})`)))
  })
  return { url, stop: () => host.kill() }
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(
    () => (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations().length === 0
  )
  // ECharts draws after its container has its size.
  await page.waitForTimeout(600)
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  selectors.setTestIdAttribute('data-test')
  const host = await startHost()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu']
  })
  try {
    for (const language of ['zh-CN', 'en'] as const) {
      const short = language === 'en' ? 'en' : 'zh'
      for (const desk of DESKS) {
        const context = await browser.newContext({
          viewport: { width: 1366, height: 768 },
          locale: language,
          timezoneId: 'Asia/Shanghai'
        })
        const page = await context.newPage()
        await page.addInitScript((locale) => {
          ;(
            globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }
          ).localStorage.setItem('service-center.locale', locale)
        }, language)
        await page.goto(host.url)
        await page.locator('input[name=username]').fill(desk)
        await page.locator('input[name=password]').fill(DEMO_PASSWORD)
        await page.locator('input[name=password]').press('Enter')
        await page.getByTestId('welcome').waitFor()
        await settle(page)
        await page.screenshot({ path: join(OUT, `demo-home-${desk}-${short}.png`) })
        await page.screenshot({ path: join(OUT, `demo-home-${desk}-${short}-full.png`), fullPage: true })
        if (desk === 'wangfang') {
          await page.goto(`${host.url}#/reports`)
          await page.getByTestId('reports-page').waitFor()
          await page.getByTestId('report-preset-quarter').click()
          for (const report of REPORTS) {
            await page.getByTestId('report-tabs').locator(`#tab-${report}`).click()
            await page.getByTestId('report-chart').waitFor()
            await settle(page)
            await page.screenshot({ path: join(OUT, `demo-report-${report}-${short}.png`) })
            await page.screenshot({ path: join(OUT, `demo-report-${report}-${short}-full.png`), fullPage: true })
          }
        }
        await context.close()
      }
    }
  } finally {
    await browser.close()
    host.stop()
  }
  console.log(`Screens in ${OUT}`)
}

void main()
