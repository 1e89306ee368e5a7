import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DayClosePreview, DayCloseReport, DayCloseSummary, Input } from '../../../src-shared/contract'
import { call } from '../../api/client'

/** The open period's figures, the past closes, and the close on screen. */
export const useDayCloseStore = defineStore('dayClose', () => {
  const preview = ref<DayClosePreview | null>(null)
  const history = ref<DayCloseSummary[]>([])
  const report = ref<DayCloseReport | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [nextPreview, nextHistory] = await Promise.all([call('dayClose.preview', {}), call('dayClose.list', {})])
      preview.value = nextPreview
      history.value = nextHistory
    } finally {
      loading.value = false
    }
  }

  async function close(input: Input<'dayClose.close'>): Promise<DayCloseReport> {
    const closed = await call('dayClose.close', input)
    report.value = closed
    return closed
  }

  async function open(id: string): Promise<void> {
    if (report.value?.id !== id) report.value = null
    report.value = await call('dayClose.get', { id })
  }

  return { preview, history, report, loading, load, close, open }
})
