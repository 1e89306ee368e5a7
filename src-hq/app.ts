import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { openHqDatabase } from './db/connection'
import { startEmbeddedCluster, type EmbeddedCluster } from './db/embedded'
import type { HqContext } from './context'
import { loadHqTls } from './server/certificate'
import { createHqServer } from './server/https'
import { bootstrapAdmin } from './staff/service'

export interface HqOptions {
  /** An existing PostgreSQL server; without it HQ starts the embedded one in `dataDir`. */
  databaseUrl?: string | undefined
  /** HQ's own files: the embedded cluster, its certificate. */
  dataDir: string
  port: number
  host: string
  name: string
  timeZone: string
  /** The first admin's password on an empty HQ; made up (and reported) when not given. */
  adminPassword?: string | undefined
  certFile?: string | undefined
  keyFile?: string | undefined
  /** The built network view (out/hq-web); not served when absent. */
  webRoot?: string | undefined
  now?: () => Date
}

export interface RunningHq {
  url: string
  fingerprint: string
  hq: HqContext
  /** Set when this start created the first admin: the password to give them. */
  createdAdminPassword: string | null
  stop(): Promise<void>
}

/** HQ's database, embedded (in `dataDir`) or given by URL, migrated: what the server and tools run on. */
export async function openHqBackend(
  options: Pick<HqOptions, 'databaseUrl' | 'dataDir' | 'timeZone' | 'now'> & { name?: string }
): Promise<{ hq: HqContext; close(): Promise<void> }> {
  let cluster: EmbeddedCluster | null = null
  let databaseUrl = options.databaseUrl
  if (!databaseUrl) {
    cluster = await startEmbeddedCluster(path.resolve(options.dataDir))
    await cluster.ensureDatabase('hq')
    databaseUrl = cluster.urlFor('hq')
  }
  try {
    const database = await openHqDatabase(databaseUrl)
    const hq: HqContext = {
      db: database.db,
      now: options.now ?? (() => new Date()),
      name: options.name ?? 'HQ',
      enrolCodeDays: 7,
      timeZone: options.timeZone
    }
    return {
      hq,
      async close() {
        await database.close()
        if (cluster) await cluster.stop()
      }
    }
  } catch (error) {
    if (cluster) await cluster.stop()
    throw error
  }
}

/** One command, a working HQ: the database (embedded or given), its schema, TLS, the server. */
export async function startHq(options: HqOptions): Promise<RunningHq> {
  const backend = await openHqBackend(options)
  const { hq } = backend
  const password = options.adminPassword ?? randomBytes(9).toString('base64url')
  const createdAdminPassword = (await bootstrapAdmin(hq, password)) ? password : null
  const tls = await loadHqTls({ dataDir: options.dataDir, certFile: options.certFile, keyFile: options.keyFile })
  const server = createHqServer(hq, tls, { webRoot: options.webRoot })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, options.host, () => resolve())
    })
  } catch (error) {
    await backend.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host
  return {
    url: `https://${shownHost}:${port}`,
    fingerprint: tls.fingerprint,
    hq,
    createdAdminPassword,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await backend.close()
    }
  }
}
