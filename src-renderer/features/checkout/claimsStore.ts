import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../../src-shared/contract'
import type {
  ClaimFiling,
  ClaimStatus,
  WarrantyClaimRow,
  WarrantyClaimsPage
} from '../../../src-shared/contract/checkout'
import { ApiError, call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'

/**
 * The shop's warranty claims: the claims list and one job's claims, with who carries them to the
 * brand (HQ by the sync, or the shop itself, a manager recording each answer by hand).
 */
export const useClaimsStore = defineStore('claims', () => {
  const status = ref<ClaimStatus | ''>('')
  /** The days the claims were made on (shop calendar days, both included); null: all. */
  const days = ref<[string, string] | null>(null)
  // Unknown until the first page comes: the screen says nothing about it meanwhile.
  const filedBy = ref<ClaimFiling | null>(null)
  /** The claims still to file among the chosen days: what "file them all" would record. */
  const toFile = ref<WarrantyClaimsPage['toFile']>({ count: 0, amountFen: 0, claimIds: [] })
  const filter = () => ({
    ...(status.value ? { status: status.value } : {}),
    ...(days.value ? { from: days.value[0], to: days.value[1] } : {})
  })
  const list = usePagedList<WarrantyClaimRow>(async (page, pageSize) => {
    const result = await call('checkout.claims', { page, pageSize, ...filter() })
    filedBy.value = result.filedBy
    toFile.value = result.toFile
    return result
  }, 50)

  const ofWorkOrder = (workOrderId: string): Promise<WarrantyClaimsPage> =>
    call('checkout.claims', { workOrderId, page: 1, pageSize: 20 })

  /** Records the brand's answer to a claim the shop files itself. */
  const mark = (input: Input<'checkout.markClaim'>): Promise<WarrantyClaimRow> => call('checkout.markClaim', input)

  /**
   * Records every claim still to file from the chosen days as filed: the very claims the list
   * showed. When the days hold other claims to file by now, nothing is filed and the list is read
   * again, so the manager sees the new count and sum before trying again.
   */
  async function fileAll(note: string): Promise<number> {
    if (!days.value) return 0
    try {
      const { filed } = await call('checkout.fileClaims', {
        from: days.value[0],
        to: days.value[1],
        claimIds: toFile.value.claimIds,
        note
      })
      return filed
    } catch (error) {
      if (error instanceof ApiError && error.messageKey === 'claims.toFileChanged') await list.load()
      throw error
    }
  }

  return { status, days, filedBy, toFile, filter, ...list, ofWorkOrder, mark, fileAll }
})
