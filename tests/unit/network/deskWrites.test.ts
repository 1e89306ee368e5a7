import { describe, expect, it } from 'vitest'
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { ADMIN, auditRows, callError, callOk, countRows, createUserAndSignIn } from '../helpers'
import { intake } from '../workOrders/fixtures'
import { newPart, receive, stockOf, tableCounts } from '../parts/fixtures'
import { pairDesk, shopServerPerFile, type Desk } from './fixtures'

const shop = shopServerPerFile()

async function clerkAt(desk: Desk, username: string, password: string): Promise<string> {
  return (await desk.ok('auth.signIn', { username, password })).token
}

/**
 * A TCP relay between a desk and the shop server that cuts the first connection the moment the
 * server's answer starts to come back: the write was applied, the desk never heard.
 */
async function relayDroppingFirstAnswer(
  target: URL,
  writeApplied: () => boolean
): Promise<{ url: string; dropped: () => number; close(): Promise<void> }> {
  let drops = 0
  const sockets = new Set<Socket>()
  const relay: Server = createServer((incoming) => {
    sockets.add(incoming)
    const outgoing = connect(Number(target.port), target.hostname)
    sockets.add(outgoing)
    incoming.pipe(outgoing)
    outgoing.on('data', (chunk: Buffer) => {
      // Handshake records pass; the first bytes that come back once the write is applied are its answer.
      if (drops === 0 && writeApplied()) {
        drops += 1
        incoming.destroy()
        outgoing.destroy()
        return
      }
      incoming.write(chunk)
    })
    const end = () => {
      incoming.destroy()
      outgoing.destroy()
    }
    incoming.on('error', end)
    outgoing.on('error', end)
    incoming.on('close', end)
    outgoing.on('close', end)
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.12', () => resolve()))
  const { port } = relay.address() as AddressInfo
  return {
    url: `https://127.0.0.12:${port}/`,
    dropped: () => drops,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        relay.close(() => resolve())
      })
  }
}

describe('desks writing to one shop server', () => {
  it('two desks issue the last unit of a part at once: one wins, the other gets STOCK_INSUFFICIENT', async () => {
    const server = shop()
    const { app, adminToken } = server
    const clerkA = await createUserAndSignIn(app, adminToken, 'warehouse_clerk')
    const clerkB = await createUserAndSignIn(app, adminToken, 'warehouse_clerk')
    const part = await newPart(app, clerkA.token)
    await receive(app, clerkA.token, part.id, 1, 20_000)
    const jobs = await Promise.all([1, 2].map(() => callOk(app, 'workOrders.create', intake(), adminToken)))
    const [front, back] = [await pairDesk(server, '前台'), await pairDesk(server, '仓库')]
    const tokens = [
      await clerkAt(front, clerkA.user.username, clerkA.password),
      await clerkAt(back, clerkB.user.username, clerkB.password)
    ]
    const answers = await Promise.all(
      [front, back].map((desk, i) =>
        desk.call(
          'workOrderParts.issue',
          { workOrderId: jobs[i]!.workOrder.id, partId: part.id, quantity: 1 },
          tokens[i]
        )
      )
    )
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1)
    expect(answers.filter((answer) => !answer.ok).map((answer) => !answer.ok && answer.error.code)).toEqual([
      'STOCK_INSUFFICIENT'
    ])
    expect((await stockOf(app, clerkA.token, part.id)).onHand).toBe(0)
    const issued = app.sqlite
      .prepare(`SELECT desk_id FROM audit_log WHERE action = 'workOrderParts.issue' AND entity_id IN (?, ?)`)
      .all(jobs[0]!.workOrder.id, jobs[1]!.workOrder.id) as { desk_id: string }[]
    expect(issued.length).toBe(1)
    expect([front.id, back.id]).toContain(issued[0]!.desk_id)
  })

  it('a write retried after a dropped connection is applied exactly once', async () => {
    const server = shop()
    const { app, adminToken } = server
    const part = await newPart(app, adminToken)
    const movements = () => countRows(app, 'stock_movements')
    const movementsAtStart = movements()
    const relay = await relayDroppingFirstAnswer(new URL(server.url), () => movements() > movementsAtStart)
    try {
      const desk = await pairDesk(server, '仓库', { url: relay.url })
      const token = await clerkAt(desk, ADMIN.username, ADMIN.password)
      const movementsBefore = movements()
      const answer = await desk.call(
        'parts.receive',
        { reference: 'HQ-SHIP-77', lines: [{ partId: part.id, quantity: 4, unitCostFen: 10_000 }] },
        token
      )
      expect(relay.dropped()).toBe(1)
      expect(answer.ok).toBe(true)
      expect(movements()).toBe(movementsBefore + 1)
      expect((await stockOf(app, adminToken, part.id)).onHand).toBe(4)
      expect(
        auditRows(app, 'parts.receive').filter((row) => JSON.stringify(row.after).includes('HQ-SHIP-77'))
      ).toHaveLength(1)
      // The same request id sent again, later and from the desk's direct line, is answered, not applied.
      const requestId = 'retry-later-0001'
      const delivery = { reference: 'HQ-SHIP-78', lines: [{ partId: part.id, quantity: 2, unitCostFen: 10_000 }] }
      const first = await desk.call('parts.receive', delivery, token, requestId)
      const again = await desk.call('parts.receive', delivery, token, requestId)
      expect(first.ok).toBe(true)
      expect(again).toEqual(first)
      expect((await stockOf(app, adminToken, part.id)).onHand).toBe(6)
    } finally {
      await relay.close()
    }
  })

  it('bad input over the LAN gets the same errors as at the shop server, and changes nothing', async () => {
    const server = shop()
    const { app, adminToken } = server
    const part = await newPart(app, adminToken)
    const desk = await pairDesk(server)
    const token = await clerkAt(desk, ADMIN.username, ADMIN.password)
    const bad = [
      ['parts.receive', { reference: 'X', lines: [{ partId: part.id, quantity: -3, unitCostFen: 100 }] }],
      ['parts.receive', { reference: 'X', lines: [], surprise: true }],
      ['workOrders.create', { ...intake(), reportedFault: '' }],
      ['workOrderParts.issue', { workOrderId: 'no-such-job', partId: part.id, quantity: 1 }],
      ['no.suchOperation', {}]
    ] as const
    const before = tableCounts(app)
    for (const [operation, input] of bad) {
      const overLan = await desk.call(operation, input, token)
      expect(overLan.ok, operation).toBe(false)
      const local = await callError(app, operation, input, adminToken)
      expect(!overLan.ok && overLan.error, operation).toEqual(local)
    }
    expect(tableCounts(app)).toEqual(before)
  })
})
