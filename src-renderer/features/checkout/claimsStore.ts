import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ClaimStatus, WarrantyClaimRow } from '../../../src-shared/contract/checkout'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'

/** The shop's warranty claims with HQ's decision: the claims list, and one job's claims. */
export const useClaimsStore = defineStore('claims', () => {
  const status = ref<ClaimStatus | ''>('')
  const list = usePagedList<WarrantyClaimRow>(
    (page, pageSize) => call('checkout.claims', { page, pageSize, ...(status.value ? { status: status.value } : {}) }),
    50
  )

  const ofWorkOrder = async (workOrderId: string): Promise<WarrantyClaimRow[]> =>
    (await call('checkout.claims', { workOrderId, page: 1, pageSize: 20 })).rows

  return { status, ...list, ofWorkOrder }
})
