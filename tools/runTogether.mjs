// Runs npm scripts side by side and fails if any of them fails: `node tools/runTogether.mjs lint typecheck`.
// The lint, the type-check and the build each keep one core busy on their own, one after another
// the other core would wait; side by side on a 2-core machine they fill both. Each script's output
// is printed whole when it ends, not interleaved, under how long it took (to see which one to speed up).
import { spawn } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function run(script) {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { shell: process.platform === 'win32' })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => {
      process.stdout.write(output)
      const seconds = Math.round((Date.now() - started) / 1000)
      process.stdout.write(`[runTogether] ${script} ended with ${code} after ${seconds} s\n`)
      resolve(code ?? 1)
    })
  })
}

const codes = await Promise.all(process.argv.slice(2).map(run))
process.exit(codes.some((code) => code !== 0) ? 1 : 0)
