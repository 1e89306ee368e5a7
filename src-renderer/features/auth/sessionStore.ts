import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Input, OperationName, SessionInfo, SignInResult } from '../../../src-shared/contract'
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/timeZone'
import { roleMayCall } from '../../../src-shared/contract/permissions'
import { call, onSessionProblem } from '../../api/client'
import { readToken, saveToken } from '../../api/token'

/** Who is signed in at this window, and whether the screen is locked. */
export const useSessionStore = defineStore('session', () => {
  const initialized = ref<boolean | null>(null)
  const shopName = ref<string | null>(null)
  const session = ref<SessionInfo | null>(null)
  /** Why the server ended this window's session, when it said (shown on the sign-in page). */
  const endedNotice = ref<string | null>(null)

  const user = computed(() => session.value?.user ?? null)
  const locked = computed(() => session.value?.locked ?? false)
  const shopTimeZone = computed(() => session.value?.shop.timeZone ?? DEFAULT_TIME_ZONE)

  /** For deciding what to show; the main process enforces the same rule on every call. */
  function may(operation: OperationName): boolean {
    return user.value !== null && roleMayCall(user.value.role, operation)
  }

  async function bootstrap(): Promise<void> {
    const status = await call('setup.status', {})
    initialized.value = status.initialized
    shopName.value = status.shopName
    if (!initialized.value || !readToken()) return
    try {
      session.value = await call('auth.session', {})
    } catch {
      forget()
    }
  }

  function adopt(result: SignInResult): void {
    saveToken(result.token)
    endedNotice.value = null
    const { token: _token, ...info } = result
    session.value = info
    initialized.value = true
    shopName.value = info.shop.name
  }

  /** First run: creates the shop and its first administrator, who is then signed in. */
  async function initializeShop(input: Input<'setup.initialize'>): Promise<void> {
    adopt(await call('setup.initialize', input))
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await call('auth.changePassword', { currentPassword, newPassword })
  }

  async function signIn(username: string, password: string): Promise<void> {
    adopt(await call('auth.signIn', { username, password }))
  }

  async function signOut(): Promise<void> {
    try {
      await call('auth.signOut', {})
    } finally {
      forget()
    }
  }

  async function lock(): Promise<void> {
    if (!session.value || session.value.locked) return
    session.value = { ...session.value, locked: true }
    await call('auth.lock', {}).catch(() => undefined)
  }

  async function unlock(password: string): Promise<void> {
    session.value = await call('auth.unlock', { password })
  }

  /** Tells the main process the user is still at work, and picks up changed shop settings. */
  async function keepAlive(): Promise<void> {
    try {
      const fresh = await call('auth.session', {})
      // The screen may have locked itself while the answer was on its way; it stays locked.
      session.value = { ...fresh, locked: fresh.locked || locked.value }
    } catch {
      // A lost or locked session is handled through onSessionProblem below.
    }
  }

  function forget(): void {
    saveToken(undefined)
    session.value = null
  }

  function updateShop(shop: SessionInfo['shop'], idleLockMinutes: number): void {
    shopName.value = shop.name
    if (session.value) session.value = { ...session.value, shop, idleLockMinutes }
  }

  onSessionProblem((problem, messageKey) => {
    if (problem === 'UNAUTHENTICATED') {
      if (messageKey !== 'errors.UNAUTHENTICATED') endedNotice.value = messageKey
      forget()
    } else if (session.value) session.value = { ...session.value, locked: true }
  })

  return {
    initialized,
    shopName,
    session,
    endedNotice,
    user,
    locked,
    shopTimeZone,
    may,
    bootstrap,
    initializeShop,
    changePassword,
    signIn,
    signOut,
    lock,
    unlock,
    keepAlive,
    updateShop
  }
})
