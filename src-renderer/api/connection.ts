import { reactive, readonly } from 'vue'

/** How long a call waits before the next try while the shop server cannot be reached. */
export const RETRY_MS = 2_000

const state = reactive({
  /** ISO time the shop server stopped answering; null while it answers. */
  unreachableSince: null as string | null
})

/** Whether this desk reaches the shop server, for the banner and the save buttons. */
export const shopServerConnection = readonly(state)

let probe: (() => Promise<boolean>) | undefined
let probeTimer: ReturnType<typeof setTimeout> | undefined

/** How to ask the server "are you there?" while no call is under way (set by the api client). */
export function setReachabilityProbe(check: () => Promise<boolean>): void {
  probe = check
}

function scheduleProbe(): void {
  if (probeTimer !== undefined || !probe) return
  probeTimer = setTimeout(() => {
    probeTimer = undefined
    if (state.unreachableSince === null || !probe) return
    void probe().then((reached) => {
      if (reached) markReachable()
      else scheduleProbe()
    })
  }, RETRY_MS)
}

export function markUnreachable(at: Date = new Date()): void {
  state.unreachableSince ??= at.toISOString()
  scheduleProbe()
}

export function markReachable(): void {
  state.unreachableSince = null
  if (probeTimer !== undefined) clearTimeout(probeTimer)
  probeTimer = undefined
}

export function isUnreachable(): boolean {
  return state.unreachableSince !== null
}
