import { describe, expect, it } from 'vitest'
import { ACTIVITY_WRITE_GRAIN_MS, SessionStore } from '../../../src-main/features/auth/sessions'
import type { SessionRows } from '../../../src-main/features/auth/sessionRows'
import type { Session } from '../../../src-main/features/auth/sessions'

/** The session table as the store writes it: what each update carried. */
function recordingRows() {
  const updates: Array<Pick<Session, 'locked' | 'lastActivityAt'>> = []
  const rows = {
    insert: () => undefined,
    update: (session: Session) => updates.push({ locked: session.locked, lastActivityAt: session.lastActivityAt }),
    flush: () => undefined
  } as unknown as SessionRows
  return { rows, updates }
}

describe("a session's activity reaches the database without a commit per call", () => {
  it('calls within the grain write nothing; the next one after it writes the activity', () => {
    const { rows, updates } = recordingRows()
    const store = new SessionStore(() => new Date(0), rows)
    const session = store.create('user-1', new Date(0))
    for (let second = 1; second < ACTIVITY_WRITE_GRAIN_MS / 1000; second += 1)
      store.touch(session, new Date(second * 1000))
    expect(updates).toEqual([])
    store.touch(session, new Date(ACTIVITY_WRITE_GRAIN_MS))
    expect(updates).toEqual([{ locked: false, lastActivityAt: ACTIVITY_WRITE_GRAIN_MS }])
  })

  it('a lock and an unlock are written at once', () => {
    const { rows, updates } = recordingRows()
    const store = new SessionStore(() => new Date(0), rows)
    const session = store.create('user-1', new Date(0))
    store.applyIdleLock(session, new Date(61_000), 1)
    expect(updates).toEqual([{ locked: true, lastActivityAt: 0 }])
    session.locked = false
    store.touch(session, new Date(62_000))
    expect(updates.at(-1)).toEqual({ locked: false, lastActivityAt: 62_000 })
  })

  it('activity not written yet is written when the app closes', () => {
    const { rows, updates } = recordingRows()
    const store = new SessionStore(() => new Date(0), rows)
    const session = store.create('user-1', new Date(0))
    store.touch(session, new Date(1_000))
    store.flush()
    expect(updates).toEqual([{ locked: false, lastActivityAt: 1_000 }])
    store.flush()
    expect(updates).toHaveLength(1)
  })
})
