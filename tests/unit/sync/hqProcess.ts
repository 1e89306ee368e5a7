import { startHq } from '../../../src-hq/app'

/**
 * HQ alone in a process of its own, on a PostgreSQL server the test runs, so a test can kill it
 * (SIGKILL) in the middle of applying a batch and start it again on the same database, data
 * folder (its certificate) and port. Prints `HQ ready <url> <fingerprint>` once it listens.
 * Usage: tsx hqProcess.ts <databaseUrl> <dataDir> <port>
 */
async function main(): Promise<void> {
  const [databaseUrl, dataDir, port] = process.argv.slice(2)
  if (!databaseUrl || !dataDir || !port) throw new Error('usage: hqProcess.ts <databaseUrl> <dataDir> <port>')
  const running = await startHq({
    databaseUrl,
    dataDir,
    port: Number(port),
    host: '127.0.0.1',
    name: 'HQ',
    timeZone: 'Asia/Shanghai',
    adminPassword: 'kill-test-admin'
  })
  console.info(`HQ ready ${running.url} ${running.fingerprint}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
