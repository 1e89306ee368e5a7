import { onBeforeUnmount, onMounted } from 'vue'
import { useSessionStore } from './sessionStore'

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
const CHECK_EVERY_MS = 5_000
/** While someone is working on screens that call nothing, tell the main process now and then. */
const HEARTBEAT_EVERY_MS = 60_000

/**
 * Locks the screen after the shop's idle time with no keyboard or mouse activity, so a counter
 * PC left alone does not stay open under someone's name. The main process applies the same
 * limit to calls, so this is the visible half of the rule.
 */
export function useIdleLock(): void {
  const session = useSessionStore()
  let lastActivity = Date.now()
  let lastHeartbeat = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined
  const markActive = () => {
    lastActivity = Date.now()
  }

  onMounted(() => {
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, markActive, { passive: true }))
    timer = setInterval(() => {
      const minutes = session.session?.idleLockMinutes ?? 0
      if (session.locked || minutes === 0) return
      const now = Date.now()
      if (now - lastActivity > minutes * 60_000) {
        void session.lock()
      } else if (lastActivity > lastHeartbeat && now - lastHeartbeat > HEARTBEAT_EVERY_MS) {
        lastHeartbeat = now
        void session.keepAlive()
      }
    }, CHECK_EVERY_MS)
  })

  onBeforeUnmount(() => {
    ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, markActive))
    clearInterval(timer)
  })
}
