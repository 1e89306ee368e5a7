/**
 * The desks of the network benchmark, in a process of their own (as desks are PCs of their own):
 * started by network.bench.ts with the paired desks and what to do, it runs the counter's mix at
 * each desk's pace, each desk following the live-change stream as its open screens do, and writes
 * the timings per kind and the error counts to stdout as JSON.
 */
import { ShopServerClient } from '../../src-main/host/desk/shopServerClient'
import { followShopServerChanges } from '../../src-main/host/desk/changeStream'
import { makeOp, MIX, type DeskLoad, type Kind, type LoadResult } from './networkMix'

async function main(): Promise<void> {
  const load = JSON.parse(process.env.NETWORK_BENCH_LOAD ?? '') as DeskLoad
  const timings: Record<Kind, number[]> = { search: [], openJob: [], issuePart: [], takePayment: [] }
  const errors: Record<string, number> = {}
  const intervalMs = 1000 / load.opsPerSecond
  const deadline = performance.now() + load.seconds * 1000
  let sequence = 0
  let changeBatches = 0
  await Promise.all(
    load.desks.map(async (desk, deskIndex) => {
      const client = new ShopServerClient({
        url: load.url,
        fingerprint: load.fingerprint,
        credential: desk.credential,
        localAddress: desk.address
      })
      const changes = followShopServerChanges(client, desk.token, (message) => {
        if (message.kind === 'changes') changeBatches += 1
        if (message.kind === 'refused')
          errors[`events ${message.status}`] = (errors[`events ${message.status}`] ?? 0) + 1
      })
      // Desks start spread over the first interval: people do not type in step.
      await new Promise((resolve) => setTimeout(resolve, (deskIndex * intervalMs) / load.desks.length))
      let next = performance.now()
      for (let n = deskIndex; performance.now() < deadline; n += 1) {
        const kind = MIX[(n * 7 + deskIndex) % MIX.length]!
        sequence += 1
        for (const op of makeOp(kind, load.samples, sequence)) {
          const started = performance.now()
          const result = await client.call({ operation: op.operation, input: op.input, token: desk.token })
          timings[kind].push(performance.now() - started)
          if (!result.ok) errors[result.error.code] = (errors[result.error.code] ?? 0) + 1
        }
        next += intervalMs
        const wait = next - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      }
      changes.close()
      client.close()
    })
  )
  const result: LoadResult = { timings, errors, changeBatches }
  process.stdout.write(JSON.stringify(result))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
