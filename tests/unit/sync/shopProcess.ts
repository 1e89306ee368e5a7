import { closeApp, openApp } from '../../../src-main/app/openApp'
// The handler table wires the features, the pulled tables' appliers among them.
import '../../../src-main/rpc/handlers'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'

/**
 * The shop server's sync, alone in a process of its own, so a test can kill it (SIGKILL) in the
 * middle of a push and start it again on the same data folder. Prints its outcome as JSON.
 * Usage: tsx shopProcess.ts <dataDir> <batchSize>
 */
async function main(): Promise<void> {
  const [dataDir, batchSize] = process.argv.slice(2)
  if (!dataDir) throw new Error('usage: shopProcess.ts <dataDir> <batchSize>')
  const app = openApp({ dataDir })
  const outcome = await syncWithHq(app, {
    push: { batchSize: Number(batchSize ?? 100), onProgress: (sent) => console.info(`sent ${sent}`) }
  })
  console.info(JSON.stringify(outcome))
  await closeApp(app)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
