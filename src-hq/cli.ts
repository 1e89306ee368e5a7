import { createReadStream, existsSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { openHqBackend, startHq } from './app'
import { importRegistryCsv } from './seed/registry'

/**
 * `npm run hq -- [--database-url postgres://…] [--data-dir ./hq-data] [--port 8443] [--host 0.0.0.0]
 *   [--name "HQ"] [--time-zone Asia/Shanghai] [--admin-password …] [--tls-cert file --tls-key file]`
 * `npm run hq -- import-registry units.csv [--database-url …] [--data-dir …]`: imports, then exits.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: './hq-data' },
      port: { type: 'string', default: '8443' },
      host: { type: 'string', default: '0.0.0.0' },
      name: { type: 'string', default: 'HQ' },
      'time-zone': { type: 'string', default: 'Asia/Shanghai' },
      'admin-password': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' }
    }
  })
  const databaseUrl = values['database-url'] ?? process.env.HQ_DATABASE_URL
  if (positionals[0] === 'import-registry' && positionals[1]) {
    const backend = await openHqBackend({ databaseUrl, dataDir: values['data-dir']!, timeZone: values['time-zone']! })
    try {
      const started = Date.now()
      const lines = createInterface({ input: createReadStream(positionals[1]), crlfDelay: Infinity })
      const { imported } = await importRegistryCsv(backend.hq, lines)
      console.log(`Imported ${imported} registry units in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    } finally {
      await backend.close()
    }
    return
  }
  const webRoot = path.resolve('out/hq-web')
  const running = await startHq({
    databaseUrl,
    dataDir: values['data-dir']!,
    port: Number(values.port),
    host: values.host!,
    name: values.name!,
    timeZone: values['time-zone']!,
    adminPassword: values['admin-password'],
    certFile: values['tls-cert'],
    keyFile: values['tls-key'],
    webRoot: existsSync(path.join(webRoot, 'index.html')) ? webRoot : undefined
  })
  console.log(`HQ "${running.hq.name}" listening on ${running.url}`)
  console.log(`Certificate fingerprint (shops pin this at enrolment): ${running.fingerprint}`)
  if (running.createdAdminPassword) {
    console.log(`First start: network admin "admin", password ${running.createdAdminPassword} (change it)`)
  }
  const stop = () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
