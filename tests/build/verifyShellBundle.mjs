// Checks the *built* Electron main process and preload for the security settings the design
// requires, and that the demo generator (whose accounts share a published password) stays out of
// it. Run after `npm run build`; the Electron binary itself cannot be launched here.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const mainDir = 'out/main'
const mainCode = [
  join(mainDir, 'index.js'),
  ...readdirSync(join(mainDir, 'chunks')).map((f) => join(mainDir, 'chunks', f))
]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
const preloadCode = readFileSync('out/preload/index.js', 'utf8')

// Every file the main-process build wrote, and the demo's password read from its one source.
const mainFiles = readdirSync(mainDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name))
const demoPassword = /DEMO_PASSWORD = '([^']+)'/.exec(readFileSync('tools/demo/shop.ts', 'utf8'))?.[1]
const demoFiles = mainFiles.filter((file) => /demo/i.test(relative(mainDir, file)))
const filesWithDemoPassword = demoPassword
  ? mainFiles.filter((file) => readFileSync(file, 'utf8').includes(demoPassword))
  : []

const checks = [
  ['contextIsolation on', /contextIsolation:\s*true/.test(mainCode)],
  ['sandbox on', /sandbox:\s*true/.test(mainCode)],
  ['nodeIntegration off', /nodeIntegration:\s*false/.test(mainCode)],
  ['webSecurity on', /webSecurity:\s*true/.test(mainCode)],
  ['navigation blocked', /will-navigate/.test(mainCode) && /preventDefault/.test(mainCode)],
  ['new windows denied', /setWindowOpenHandler/.test(mainCode) && /action:\s*"deny"/.test(mainCode)],
  ['permission requests denied', /setPermissionRequestHandler/.test(mainCode)],
  ['Content-Security-Policy applied', /Content-Security-Policy/.test(mainCode) && /script-src 'self'/.test(mainCode)],
  ['IPC sender checked', /senderFrame/.test(mainCode) && /untrusted sender/.test(mainCode)],
  [
    'preload exposes only the contract call',
    /exposeInMainWorld\("serviceCenter"/.test(preloadCode) && !/require\("(?!electron")/.test(preloadCode)
  ],
  // The backup worker is source text run with eval; it finds better-sqlite3 from the bundle's own path.
  [
    'backup worker bundled with its driver lookup',
    /wal_checkpoint\(PASSIVE\)/.test(mainCode) && /createRequire/.test(mainCode)
  ],
  ['demo password found in tools/demo/shop.ts', demoPassword !== undefined],
  ['no demo generator in the main bundle', demoFiles.length === 0],
  ['no demo password in the main bundle', filesWithDemoPassword.length === 0]
]

let failed = 0
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  if (!ok) failed++
}
console.log(`${checks.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
