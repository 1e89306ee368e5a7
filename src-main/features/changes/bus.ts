import type BetterSqlite3 from 'better-sqlite3'
import type { TransactionObserver } from '../../db/connection'
import type { ChangeNotice } from '../../../src-shared/liveChanges'
import { collectChanges } from './collector'

export type ChangeListener = (changes: ChangeNotice[]) => void

/**
 * Carries "what changed" from the database to whoever listens (the HTTP host's event stream).
 * Only committed changes arrive here: the collector publishes after COMMIT and drops what a
 * rolled-back transaction wrote.
 */
export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>()

  /** Starts collecting the changes written through this connection; pass the result to createKysely. */
  watch(sqlite: BetterSqlite3.Database): TransactionObserver {
    return collectChanges(sqlite, (changes) => this.publish(changes))
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  publish(changes: ChangeNotice[]): void {
    if (changes.length === 0) return
    for (const listener of this.listeners) {
      try {
        listener(changes)
      } catch (error) {
        // A broken listener (a closed socket) must not stop the others, nor the write that committed.
        console.error('[changes] listener failed', error)
      }
    }
  }
}
