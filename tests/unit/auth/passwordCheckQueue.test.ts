import { describe, expect, it } from 'vitest'
import { FairQueue } from '../../../src-main/features/auth/passwordCheckQueue'

/** A task the test finishes by hand, so the order is the queue's and not the clock's. */
function manualTask(started: string[], label: string) {
  let finish: () => void = () => undefined
  const task = () =>
    new Promise<string>((resolve) => {
      started.push(label)
      finish = () => resolve(label)
    })
  return { task, finish: () => finish() }
}

describe('the password-check line', () => {
  it('runs at most its limit at once and gives a quiet source the next turn ahead of a flooding one', async () => {
    const queue = new FairQueue(2)
    const started: string[] = []
    const flood = Array.from({ length: 6 }, (_, i) => manualTask(started, `flood-${i}`))
    const floodDone = flood.map((entry) => queue.run('desk-a', entry.task))
    const real = manualTask(started, 'real')
    const realDone = queue.run('shop-server', real.task)

    expect(started).toEqual(['flood-0', 'flood-1'])
    flood[0]!.finish()
    await floodDone[0]
    expect(started).toEqual(['flood-0', 'flood-1', 'real'])
    flood[1]!.finish()
    real.finish()
    expect(await realDone).toBe('real')
    await floodDone[1]
    // Two slots came free, and the flood has the line to itself again: two at a time, never more.
    expect(started).toEqual(['flood-0', 'flood-1', 'real', 'flood-2', 'flood-3'])
  })

  it('takes sources in turn, one check each per round', async () => {
    const queue = new FairQueue(1)
    const started: string[] = []
    const order: [string, string][] = [
      ['a', 'a1'],
      ['a', 'a2'],
      ['a', 'a3'],
      ['b', 'b1'],
      ['c', 'c1'],
      ['b', 'b2']
    ]
    const tasks = new Map(order.map(([, label]) => [label, manualTask(started, label)]))
    const done = new Map(order.map(([source, label]) => [label, queue.run(source, tasks.get(label)!.task)]))
    for (let i = 0; i < order.length; i++) {
      const running = started.at(-1) as string
      tasks.get(running)!.finish()
      await done.get(running)
    }
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3'])
  })
})
