/**
 * What keeping the connection to HQ open between calls would save: a few hundred small protocol
 * calls (`pull` of an empty table, as every sync makes seven of) over HTTPS on loopback to the
 * tests' fake HQ, each on a new TLS connection (the shop's client today, `keepAlive: false`) and
 * on one kept open (`keepAlive: true`). Then the case that makes keep-alive risky: a call after
 * the connection sat idle longer than HQ's server keeps it (Node's default, 5 s). Prints the
 * figures and the load average; asserts nothing.
 *
 *   npx tsx tests/bench/hqKeepAlive.bench.ts        (CALLS=300)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:https'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeHqCertificate, startFakeHq } from '../unit/sync/fakeHq'

const CALLS = Number(process.env.CALLS ?? 300)

function post(agent: Agent, url: URL, path: string, body: unknown, key?: string): Promise<unknown> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: Number(url.port),
        method: 'POST',
        path,
        agent,
        rejectUnauthorized: false,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          ...(key ? { authorization: `ShopKey ${key}` } : {})
        }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(payload)
  })
}

async function timeCalls(agent: Agent, url: URL, key: string): Promise<{ ms: number; sockets: number }> {
  let sockets = 0
  const counted = agent.createConnection.bind(agent)
  agent.createConnection = ((...args: Parameters<Agent['createConnection']>) => {
    sockets++
    return counted(...args)
  }) as Agent['createConnection']
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) await post(agent, url, '/hq/pull', { table: 'faultCodes', since: 0, limit: 10 }, key)
  return { ms: performance.now() - started, sockets }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-keepalive-'))
  const hq = await startFakeHq({ file: join(folder, 'hq.sqlite'), certificate: await makeHqCertificate() })
  try {
    console.log(`load average at start: ${loadavg()[0]!.toFixed(1)}`)
    const url = new URL(hq.url)
    const code = hq.registerShop('keep-alive bench')
    const enrolled = (await post(new Agent({ keepAlive: false }), url, '/hq/enrol', {
      code,
      shopName: 'bench',
      appVersion: 'bench'
    })) as { data: { shopKey: string } }
    const key = enrolled.data.shopKey
    // Warm up both paths (JIT, the fake HQ's prepared statements).
    await timeCalls(new Agent({ keepAlive: false }), url, key)
    for (const keepAlive of [false, true, false, true]) {
      const agent = new Agent({ keepAlive })
      const { ms, sockets } = await timeCalls(agent, url, key)
      console.log(
        `keepAlive ${String(keepAlive).padEnd(5)}: ${CALLS} calls in ${ms.toFixed(0)} ms, ` +
          `${(ms / CALLS).toFixed(2)} ms a call, ${sockets} TLS connections`
      )
      agent.destroy()
    }
    // A connection kept open past HQ's idle timeout: HQ closes it; does the next call notice?
    const agent = new Agent({ keepAlive: true })
    await post(agent, url, '/hq/pull', { table: 'faultCodes', since: 0, limit: 10 }, key)
    await new Promise((resolve) => setTimeout(resolve, 5_500))
    try {
      await post(agent, url, '/hq/pull', { table: 'faultCodes', since: 0, limit: 10 }, key)
      console.log('after 5.5 s idle: the call went through (the closed connection was dropped first)')
    } catch (error) {
      console.log(`after 5.5 s idle: the call failed: ${(error as Error).message}`)
    }
    agent.destroy()
    console.log(`load average at end: ${loadavg()[0]!.toFixed(1)}`)
  } finally {
    await hq.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

void main()
