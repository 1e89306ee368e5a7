import { join } from 'node:path'
import { openApp, closeApp } from '../../app/openApp'
import { defaultUserDataDir, readFlag, resolveDataDir } from '../../app/dataDir'
import { handlers } from '../../rpc/handlers'
import { startWebHost } from './server'
import { startBackupSchedule } from '../../features/backups/schedule'
import { startSyncSchedule } from '../../features/sync/hq/schedule'
import { createShopNetwork, startShopNetwork, stopShopNetwork } from './shopNetwork'
import { lowerPasswordCostIfTestHost } from './testPasswordCost'

/**
 * Browser mode: the same handlers as the desktop app, over HTTP on 127.0.0.1, serving the built
 * renderer. `--port 0` picks a free port; the URL is printed either way.
 */
async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, defaultUserDataDir())
  const port = Number(readFlag(process.argv, '--port') ?? process.env.SERVICE_CENTER_PORT ?? 4319)
  const app = openApp({ dataDir })
  // `--no-backup-schedule`: no daily copy from this process (a shop that takes its copies by other
  // means; the end-to-end tests, where a copy due at once after its time of day, 21:30 by default,
  // would make what a fresh shop shows depend on the hour the tests run).
  const stopBackups = process.argv.includes('--no-backup-schedule') ? () => undefined : startBackupSchedule(app)
  // Sync with HQ in the background of the shop server, never inside a counter call.
  // `--no-sync-schedule`: only the Sync page's 立即同步 (the end-to-end tests, where the timer's first
  // run, 10 s after start, would land at a moment that depends on the machine's speed).
  const stopSync = process.argv.includes('--no-sync-schedule') ? () => undefined : startSyncSchedule(app)
  // `--test-password-cost`: the end-to-end tests' cheap password hashes (see the file).
  if (lowerPasswordCostIfTestHost(process.argv)) console.log('Password hashes: test cost (new hashes only)')
  const staticDir = join(__dirname, '../renderer')
  const host = await startWebHost(app, handlers, { port, staticDir })
  // The LAN listener opens only if an admin turned it on (settings); loopback stays as it is.
  const network = createShopNetwork(app, handlers, { dataDir, staticDir })
  app.shopNetwork = network
  await startShopNetwork(app, network)
  console.log(`Service Center is running at ${host.url}`)
  console.log(`Data folder: ${dataDir}`)
  const stop = async () => {
    stopBackups()
    stopSync()
    await stopShopNetwork(network)
    await host.close()
    await closeApp(app)
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
