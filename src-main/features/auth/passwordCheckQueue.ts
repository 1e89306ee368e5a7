/**
 * Password checks are deliberately expensive (scrypt, 32 MiB each), so only a few run at once
 * and the rest wait in line, the source that has waited longest for a turn first: a desk flooding the sign-in
 * with names that do not exist (checked against a decoy hash, the same work as a real one) gets
 * one turn per round, and a real sign-in from anywhere else waits at most a turn behind it.
 * How many tries one source can have in line is capped by the sign-in throttle.
 */
export class FairQueue {
  private running = 0
  private turnsGiven = 0
  /** Waiting starts per source. */
  private readonly waiting = new Map<string, (() => void)[]>()
  /** When each source still in line or running last had a turn; a newcomer has had none. */
  private readonly lastTurn = new Map<string, number>()
  private readonly runningBySource = new Map<string, number>()

  constructor(private readonly concurrency: number) {}

  run<T>(source: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running += 1
        this.runningBySource.set(source, (this.runningBySource.get(source) ?? 0) + 1)
        // The next check starts before this one's caller hears back.
        task().then(
          (value) => {
            this.finished(source)
            resolve(value)
          },
          (error: unknown) => {
            this.finished(source)
            reject(error)
          }
        )
      }
      const line = this.waiting.get(source)
      if (line) line.push(start)
      else this.waiting.set(source, [start])
      this.startNext()
    })
  }

  private finished(source: string): void {
    this.running -= 1
    const stillRunning = (this.runningBySource.get(source) ?? 1) - 1
    if (stillRunning > 0) this.runningBySource.set(source, stillRunning)
    else this.runningBySource.delete(source)
    if (stillRunning === 0 && !this.waiting.has(source)) this.lastTurn.delete(source)
    this.startNext()
  }

  private startNext(): void {
    while (this.running < this.concurrency) {
      const source = this.longestWaitingForATurn()
      if (source === undefined) return
      const line = this.waiting.get(source) as (() => void)[]
      const start = line.shift() as () => void
      if (line.length === 0) this.waiting.delete(source)
      this.turnsGiven += 1
      this.lastTurn.set(source, this.turnsGiven)
      start()
    }
  }

  private longestWaitingForATurn(): string | undefined {
    let chosen: string | undefined
    let chosenTurn = Infinity
    for (const source of this.waiting.keys()) {
      const turn = this.lastTurn.get(source) ?? 0
      if (turn < chosenTurn) {
        chosen = source
        chosenTurn = turn
      }
    }
    return chosen
  }
}

/** Two at a time: the shop server has a couple of cores, and the counter must stay responsive. */
export const PASSWORD_CHECKS_AT_ONCE = 2

export const passwordChecks = new FairQueue(PASSWORD_CHECKS_AT_ONCE)
