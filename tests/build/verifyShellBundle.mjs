// Checks the *built* Electron main process and preload for the security settings the design
// requires. Run after `npm run build`; the Electron binary itself cannot be launched here.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const mainDir = 'out/main'
const mainCode = [
  join(mainDir, 'index.js'),
  ...readdirSync(join(mainDir, 'chunks')).map((f) => join(mainDir, 'chunks', f))
]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
const preloadCode = readFileSync('out/preload/index.js', 'utf8')

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
  ]
]

let failed = 0
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  if (!ok) failed++
}
console.log(`${checks.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
