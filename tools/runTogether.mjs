// Runs npm scripts side by side and fails if any of them fails: `node tools/runTogether.mjs lint typecheck`.
// The lint and the type-check each keep one core busy, so on a 2-core machine together they take
// the time of the longer one. Each script's output is printed whole when it ends, not interleaved.
import { spawn } from 'node:child_process'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { shell: process.platform === 'win32' })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => {
      process.stdout.write(output)
      resolve(code ?? 1)
    })
  })
}

const codes = await Promise.all(process.argv.slice(2).map(run))
process.exit(codes.some((code) => code !== 0) ? 1 : 0)
