import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Input } from '../../../src-shared/contract'
import type {
  ClaimFiling,
  ClaimStatus,
  WarrantyClaimRow,
  WarrantyClaimsPage
} from '../../../src-shared/contract/checkout'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'

/**
 * The shop's warranty claims: the claims list and one job's claims, with who carries them to the
 * brand (HQ by the sync, or the shop itself, a manager recording each answer by hand).
 */
export const useClaimsStore = defineStore('claims', () => {
  const status = ref<ClaimStatus | ''>('')
  // Unknown until the first page comes: the screen says nothing about it meanwhile.
  const filedBy = ref<ClaimFiling | null>(null)
  const list = usePagedList<WarrantyClaimRow>(async (page, pageSize) => {
    const result = await call('checkout.claims', { page, pageSize, ...(status.value ? { status: status.value } : {}) })
    filedBy.value = result.filedBy
    return result
  }, 50)

  const ofWorkOrder = (workOrderId: string): Promise<WarrantyClaimsPage> =>
    call('checkout.claims', { workOrderId, page: 1, pageSize: 20 })

  /** Records the brand's answer to a claim the shop files itself. */
  const mark = (input: Input<'checkout.markClaim'>): Promise<WarrantyClaimRow> => call('checkout.markClaim', input)

  return { status, filedBy, ...list, ofWorkOrder, mark }
})
