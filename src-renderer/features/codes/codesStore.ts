import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CodeEntry, Input } from '../../../src-shared/contract'
import type { CodeList } from '../../../src-shared/domain/repairTypes'
import { call } from '../../api/client'

/** The shop's code lists (symptoms, fault locations, causes), loaded once and refreshed on change. */
export const useCodesStore = defineStore('codes', () => {
  const entries = ref<CodeEntry[]>([])
  let loaded: Promise<void> | undefined

  async function reload(includeInactive = false): Promise<void> {
    entries.value = await call('codes.list', { includeInactive })
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

  /** "L01 主板" for a code, or the bare code if the list no longer has it. */
  function describe(list: CodeList, code: string | null): string {
    if (!code) return ''
    const entry = entries.value.find((e) => e.list === list && e.code === code)
    return entry ? `${entry.code} ${entry.label}` : code
  }

  async function save(input: Input<'codes.save'>): Promise<void> {
    await call('codes.save', input)
    await reload(true)
  }

  return { entries, reload, ensureLoaded, activeIn, describe, save }
})
