/**
 * A second shop process for the concurrency test: it opens the same database file, signs the
 * clerk in, says "ready", and on "go" (stdin) issues one part and prints the outcome as JSON.
 * Run as: node --import tsx issueWorker.ts <dataDir> <username> <password> <workOrderId> <partId>
 */
import { createInterface } from 'node:readline'
import { closeApp, openApp } from '../../../src-main/app/openApp'
import { dispatch } from '../../../src-main/rpc/dispatch'
import { handlers } from '../../../src-main/rpc/handlers'

async function main(): Promise<void> {
  const [dataDir, username, password, workOrderId, partId] = process.argv.slice(2)
  const app = openApp({ dataDir: dataDir! })
  const signedIn = await dispatch(app, handlers, {
    operation: 'auth.signIn',
    input: { username, password },
    token: undefined
  })
  if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error))
  const token = (signedIn.data as { token: string }).token
  process.stdout.write('ready\n')
  const input = createInterface({ input: process.stdin })
  for await (const line of input) {
    if (line.trim() !== 'go') continue
    const result = await dispatch(app, handlers, {
      operation: 'workOrderParts.issue',
      input: { workOrderId, partId, quantity: 1 },
      token
    })
    process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : { ok: false, code: result.error.code })}\n`)
    break
  }
  input.close()
  await closeApp(app)
}

void main()
