/**
 * The network benchmark's figures without the network: the same operations through dispatch in
 * the shop server's process, the raw engine's time for exactly the statements each operation ran
 * (timed as they ran, same SQL and parameters), and for a write its commit.
 */
import type { AppContext } from '../../src-main/app/context'
import { dispatch } from '../../src-main/rpc/dispatch'
import { handlers } from '../../src-main/rpc/handlers'
import { KINDS, makeOp, MIX, WRITES, type Kind, type Samples } from './networkMix'
import { engineTime, statementRecorder, type RecordedStatement } from './statementRecorder'

export interface Figures {
  label: string
  timings: number[]
}

export interface InProcessFigures {
  dispatch: Map<Kind, number[]>
  /** Per kind: the recorded statements replayed raw, and for writes one commit beside them. */
  raw: Map<Kind, Figures[]>
}

const OPERATIONS = 400

export async function inProcessFigures(app: AppContext, samples: Samples, token: string): Promise<InProcessFigures> {
  const recorder = statementRecorder(app.sqlite)
  const timings = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]))
  const recorded = new Map<Kind, RecordedStatement[][]>(KINDS.map((kind) => [kind, []]))
  try {
    for (let n = 0; n < OPERATIONS; n += 1) {
      const kind = MIX[n % MIX.length]!
      for (const op of makeOp(kind, samples, n + 7)) {
        let took = 0
        const statements = await recorder.record(async () => {
          const started = performance.now()
          await dispatch(app, handlers, { operation: op.operation, input: op.input, token })
          took = performance.now() - started
        })
        timings.get(kind)!.push(took)
        recorded.get(kind)!.push(statements)
      }
    }
  } finally {
    recorder.stop()
  }
  const raw = new Map<Kind, Figures[]>()
  for (const kind of KINDS) {
    const engine = recorded.get(kind)!.map(engineTime)
    const count = Math.round(engine.reduce((sum, call) => sum + call.count, 0) / engine.length)
    raw.set(kind, [
      { label: `raw SQLite: its ${count} statements`, timings: engine.map((call) => call.statements) },
      ...(WRITES.has(kind)
        ? [{ label: 'raw SQLite: its commit (synchronous=FULL)', timings: engine.map((call) => call.commit) }]
        : [])
    ])
  }
  return { dispatch: timings, raw }
}
