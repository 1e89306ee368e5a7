/**
 * First-paint benchmark (issue 17, goal 6): the built browser-mode host (`out/main/web.js`) on a
 * fresh data folder, set up through the contract so the app opens on its sign-in screen, and
 * Debian's Chromium (the launch options of playwright.config.ts) started cold for every load: a
 * new browser process, an empty cache. For each load it prints the first contentful paint, the
 * frame in which the sign-in form's password field is first drawn, the wall-clock time from
 * `page.goto` until Playwright sees the form visible, and the JavaScript (bytes before
 * compression) the page had fetched by the time the form painted. Beside it, the raw figure: a
 * bare page with a plain HTML form, served by the same host in the same run, interleaved.
 * Targets: form painted under 600 ms, at most 600 KB of JavaScript before it. Asserts nothing.
 * Needs the built app (`npm run build`).
 *
 *   npm run bench:first-paint
 *   RUNS=10 npm run bench:first-paint
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import config from '../../playwright.config'

const RUNS = Number(process.env.RUNS ?? 5)
const TARGET_PAINT_MS = 600
const TARGET_SCRIPT_BYTES = 600 * 1024
const RENDERER_DIR = resolve('out/renderer')
/** The raw page: written into the host's static folder for the run, removed afterwards. */
const BARE_PAGE = 'first-paint-bare.html'
const BARE_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="UTF-8" /><title>登录</title></head>
<body><form><h1>登录</h1>
<label>用户名 <input name="username" autocomplete="username" /></label>
<label>密码 <input name="password" type="password" autocomplete="current-password" /></label>
<button type="submit">登录</button></form></body></html>
`

interface Load {
  /** First contentful paint, ms after navigation start. */
  fcp: number
  /** The frame in which the password field was first in the page, ms after navigation start. */
  form: number
  /** When the last of the JavaScript fetched before the form had arrived, ms after navigation start. */
  scriptsDone: number
  /** From `page.goto` until Playwright saw the form visible, wall clock. */
  wall: number
  /** JavaScript fetched before the form painted: bytes before compression, and files. */
  scriptBytes: number
  scripts: number
}

/** The little of the page's world the two in-page functions below use (this file has no DOM types). */
interface PageGlobals {
  __formPainted?: number
  document: { querySelector(selector: string): unknown }
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { childList: boolean; subtree: boolean }): void
    disconnect(): void
  }
  requestAnimationFrame(callback: () => void): void
  setTimeout(callback: () => void, delay: number): void
  performance: {
    now(): number
    getEntriesByName(name: string): { startTime: number }[]
    getEntriesByType(type: 'resource'): { name: string; responseEnd: number; decodedBodySize: number }[]
  }
}

/**
 * Runs in the page before any of its own script: notes the frame in which the password field
 * first appears.
 */
function watchForForm(): void {
  const page = globalThis as unknown as PageGlobals
  const observer = new page.MutationObserver(() => {
    if (page.document.querySelector('input[name=password]') === null) return
    observer.disconnect()
    // The task after the next animation frame runs once that frame has been painted.
    page.requestAnimationFrame(() => page.setTimeout(() => (page.__formPainted = page.performance.now()), 0))
  })
  observer.observe(page.document, { childList: true, subtree: true })
}

/** What the page measured about itself, once the form is up. */
function pageFigures(): Omit<Load, 'wall'> {
  const page = globalThis as unknown as PageGlobals
  const form = page.__formPainted ?? Number.NaN
  const fcp = page.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN
  const scripts = page.performance
    .getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.endsWith('.js') && entry.responseEnd <= form)
  return {
    fcp,
    form,
    scriptsDone: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
    scriptBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    scripts: scripts.length
  }
}

/** One cold load: a new Chromium, a new page, the address, until the sign-in form is visible. */
async function coldLoad(url: string): Promise<Load> {
  const browser = await chromium.launch({ headless: true, ...config.use?.launchOptions })
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
    await page.addInitScript(watchForForm)
    const started = performance.now()
    await page.goto(url)
    await page.locator('input[name=password]').waitFor({ state: 'visible' })
    const wall = performance.now() - started
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__formPainted !== undefined)
    return { ...(await page.evaluate(pageFigures)), wall }
  } finally {
    await browser.close()
  }
}

/** The built host on an empty data folder, as `npm run web` starts it. */
async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const url = await new Promise<string>((resolvePromise, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolvePromise(match[1])
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

/** First run: the shop set up through the contract, so the app opens on its sign-in screen. */
async function setUpShop(url: string): Promise<void> {
  const response = await fetch(`${url}rpc/setup.initialize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      shop: { name: '首屏测速维修中心', address: '', phone: '', taxNumber: '', logo: null, timeZone: 'Asia/Shanghai' },
      admin: { username: 'admin', displayName: '管理员', password: 'first-paint-2026' }
    })
  })
  const body = (await response.json()) as { ok: boolean; error?: unknown }
  if (!body.ok) throw new Error(`setup.initialize failed: ${JSON.stringify(body.error)}`)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const ms = (value: number): string => `${value.toFixed(0).padStart(5)} ms`
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0).padStart(5)} KB`

function row(name: string, loads: Load[]): string {
  const pick = (key: keyof Load): number => median(loads.map((load) => load[key]))
  return [
    name.padEnd(20),
    ms(pick('scriptsDone')),
    ms(pick('fcp')),
    ms(pick('form')),
    ms(pick('wall')),
    `${kb(pick('scriptBytes'))} in ${String(pick('scripts')).padStart(2)} files`
  ].join('  ')
}

async function main(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync('out/main/web.js')) {
    throw new Error('build the app first: npm run build')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'service-center-first-paint-'))
  const barePath = join(RENDERER_DIR, BARE_PAGE)
  const { url, child } = await startHost(dataDir)
  try {
    writeFileSync(barePath, BARE_HTML)
    await setUpShop(url)
    console.log(`first paint, ${RUNS} cold loads each, interleaved; ${cpus().length} cores; ${url}`)
    // One throw-away load each: the operating system's file cache, not the browser's, warms up.
    await coldLoad(url)
    await coldLoad(`${url}${BARE_PAGE}`)
    const app: Load[] = []
    const bare: Load[] = []
    for (let run = 0; run < RUNS; run++) {
      app.push(await coldLoad(url))
      bare.push(await coldLoad(`${url}${BARE_PAGE}`))
      const last = app[app.length - 1]!
      console.log(
        `  run ${run + 1}: app FCP ${last.fcp.toFixed(0)} ms, form ${last.form.toFixed(0)} ms, ` +
          `${kb(last.scriptBytes).trim()} JS; bare form ${bare[bare.length - 1]!.form.toFixed(0)} ms`
      )
    }
    console.log('')
    console.log(
      `${'medians'.padEnd(20)}  ${'JS in'.padStart(8)}  ${'FCP'.padStart(8)}  ${'form'.padStart(8)}  ${'goto→form'.padStart(8)}  JS before the form`
    )
    console.log(row('sign-in (the app)', app))
    console.log(row('bare HTML form', bare))
    const form = median(app.map((load) => load.form))
    const bytes = median(app.map((load) => load.scriptBytes))
    console.log('')
    console.log(
      `target: form painted under ${TARGET_PAINT_MS} ms (${form < TARGET_PAINT_MS ? 'met' : 'missed'}), ` +
        `at most ${kb(TARGET_SCRIPT_BYTES).trim()} of JavaScript before it (${bytes <= TARGET_SCRIPT_BYTES ? 'met' : 'missed'}); ` +
        `app / bare: ${(form / median(bare.map((load) => load.form))).toFixed(1)}×`
    )
  } finally {
    rmSync(barePath, { force: true })
    child.kill('SIGTERM')
    await new Promise((resolvePromise) => child.once('exit', resolvePromise))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
