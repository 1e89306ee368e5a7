import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CodeEntry, Input } from '../../../src-shared/contract'
import type { CodeList } from '../../../src-shared/domain/repairTypes'
import { call } from '../../api/client'
import { i18n } from '../../i18n'
import type { Choice } from '../../ui/choices'

/**
 * The shop's code lists (symptoms, fault locations, causes), loaded once and refreshed on change.
 * Inactive codes are loaded too: a job diagnosed before a code was withdrawn still names it.
 */
export const useCodesStore = defineStore('codes', () => {
  const entries = ref<CodeEntry[]>([])
  let loaded: Promise<void> | undefined

  async function reload(): Promise<void> {
    entries.value = await call('codes.list', { includeInactive: true })
  }

  function ensureLoaded(): Promise<void> {
    loaded ??= reload().catch((error) => {
      loaded = undefined
      throw error
    })
    return loaded
  }

  function activeIn(list: CodeList): CodeEntry[] {
    return entries.value.filter((entry) => entry.list === list && entry.active)
  }

  /** A code's name: the app's own wording in the reader's language while it is the seeded one, else the shop's. */
  function nameOf(entry: CodeEntry): string {
    return entry.seeded ? i18n.global.t(`codes.seeded.${entry.list}.${entry.code}`) : entry.label
  }

  /** "L01 Main board" for a code, or the bare code if the list does not have it. */
  function describe(list: CodeList, code: string | null): string {
    if (!code) return ''
    const entry = entries.value.find((e) => e.list === list && e.code === code)
    return entry ? `${entry.code} ${nameOf(entry)}` : code
  }

  /** A picker's choices: the list's active codes, each as "code name". */
  function choicesIn(list: CodeList): Choice<string>[] {
    return activeIn(list).map((entry) => ({ value: entry.code, label: `${entry.code} ${nameOf(entry)}` }))
  }

  async function save(input: Input<'codes.save'>): Promise<void> {
    await call('codes.save', input)
    await reload()
  }

  return { entries, reload, ensureLoaded, nameOf, describe, choicesIn, save }
})
