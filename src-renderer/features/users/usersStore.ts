import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { Input, UserSummary } from '../../../src-shared/contract'
import type { Role } from '../../../src-shared/domain/roles'
import { call } from '../../api/client'
import { usePagedList } from '../../ui/pagedList'

/** The staff list and the admin's changes to it; each change reloads the current page. */
export const useUsersStore = defineStore('users', () => {
  const filters = reactive({ search: '', role: undefined as Role | undefined, includeDisabled: true })
  const list = usePagedList<UserSummary>((page, pageSize) => call('users.list', { ...filters, page, pageSize }))

  async function afterChange<T>(change: Promise<T>): Promise<T> {
    const result = await change
    await list.load()
    return result
  }

  return {
    filters,
    ...list,
    create: (input: Input<'users.create'>) => afterChange(call('users.create', input)),
    update: (input: Input<'users.update'>) => afterChange(call('users.update', input)),
    setDisabled: (id: string, disabled: boolean) => afterChange(call('users.setDisabled', { id, disabled })),
    resetPassword: (id: string, newPassword: string) => afterChange(call('users.resetPassword', { id, newPassword }))
  }
})
