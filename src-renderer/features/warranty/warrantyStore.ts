import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  AccessoryRemedy,
  Input,
  ListedPolicyVersion,
  PartSummary,
  PolicyVersion,
  ProductModel,
  WarrantyLookup,
  WarrantyVerdict
} from '../../../src-shared/contract'
import type { CategoryKey } from '../../../src-shared/domain/warranty/policy'
import { call } from '../../api/client'

export type FaultClaim = NonNullable<Input<'warranty.lookup'>['claim']>

/** The desk's warranty questions: look a unit up, judge a fault, register or exchange a unit, and the policies. */
export const useWarrantyStore = defineStore('warranty', () => {
  /** The query whose answer is shown (a scan of the same serial again does not ask twice). */
  const query = ref('')
  const result = ref<WarrantyLookup | null>(null)
  const loading = ref(false)
  const policies = ref<ListedPolicyVersion[]>([])
  /** The claim the shown verdict was judged with: an exchange is judged the same way. */
  const claim = ref<FaultClaim | null>(null)

  // Scans can come in quick succession; an older answer arriving late must not win.
  let latest = 0
  async function lookup(text: string): Promise<void> {
    const ticket = ++latest
    query.value = text
    claim.value = null
    loading.value = true
    try {
      const answer = await call('warranty.lookup', { query: text, claim: null })
      if (ticket === latest) result.value = answer
    } catch (error) {
      if (ticket === latest) result.value = null
      throw error
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  function show(verdict: WarrantyVerdict): WarrantyVerdict {
    latest++
    loading.value = false
    query.value = verdict.unit.serial
    result.value = { kind: 'found', verdict }
    return verdict
  }

  /** Judges one unit for a described fault (or none: the dates only). */
  async function evaluate(unitId: string, judgedClaim: FaultClaim | null): Promise<WarrantyVerdict> {
    const verdict = show(await call('warranty.evaluate', { unitId, claim: judgedClaim }))
    claim.value = judgedClaim
    return verdict
  }

  async function register(input: Input<'warranty.register'>): Promise<WarrantyVerdict> {
    claim.value = null
    return show(await call('warranty.register', input))
  }

  /** Exchanges the unit; the new unit's verdict is shown. */
  async function exchange(unitId: string, newSerial: string): Promise<WarrantyVerdict> {
    const verdict = show(await call('warranty.exchange', { unitId, newSerial, claim: claim.value }))
    claim.value = null
    return verdict
  }

  /** The customer gives the unit back for a refund; the unit's verdict (now refunded) is shown. */
  async function refund(unitId: string): Promise<WarrantyVerdict> {
    const verdict = show(await call('warranty.refund', { unitId, claim: claim.value }))
    claim.value = null
    return verdict
  }

  /**
   * A faulty accessory's 三包 remedy: exchanged for the part (and serial) picked, or refunded at its
   * price with the method given; judged with the claim the shown verdict was judged with. The
   * unit's verdict, with the remedy in its history, is shown.
   */
  async function accessoryRemedy<K extends 'warranty.exchangeAccessory' | 'warranty.refundAccessory'>(
    operation: K,
    unitId: string,
    fields: Omit<Input<K>, 'unitId' | 'claim'>
  ): Promise<AccessoryRemedy> {
    if (!claim.value) throw new Error('an accessory’s remedy is given for the claim its verdict was judged with')
    const input = { unitId, claim: claim.value, ...fields } as Input<K>
    const { verdict, remedy } = (await call(operation, input)) as { verdict: WarrantyVerdict; remedy: AccessoryRemedy }
    show(verdict)
    claim.value = null
    return remedy
  }

  /** The parts the counter may give as the new accessory: by number, name or barcode. */
  async function searchParts(text: string): Promise<PartSummary[]> {
    return (await call('parts.search', { query: text, page: 1, pageSize: 10 })).rows
  }

  function clear(): void {
    latest++
    query.value = ''
    claim.value = null
    result.value = null
    loading.value = false
  }

  async function loadPolicies(): Promise<void> {
    policies.value = await call('warranty.policies', {})
  }

  async function savePolicy(input: Input<'warranty.savePolicy'>): Promise<PolicyVersion> {
    const saved = await call('warranty.savePolicy', input)
    await loadPolicies()
    return saved
  }

  function modelsOf(categoryKey: CategoryKey): Promise<ProductModel[]> {
    return call('warranty.models', { categoryKey })
  }

  return {
    query,
    result,
    loading,
    policies,
    claim,
    lookup,
    evaluate,
    register,
    exchange,
    refund,
    accessoryRemedy,
    searchParts,
    clear,
    loadPolicies,
    savePolicy,
    modelsOf
  }
})
