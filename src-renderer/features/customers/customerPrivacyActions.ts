import { computed, h, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { askInMessageBox } from '../../ui/openDialogs'
import { Delete, Download } from '@element-plus/icons-vue'
import type { Customer } from '../../../src-shared/contract'
import { showError } from '../../ui/errors'
import type { PageAction } from '../../ui/pageActions'
import { useSessionStore } from '../auth/sessionStore'
import { useDataExportStore } from '../dataExport/dataExportStore'
import { useCustomersStore } from './customersStore'

/**
 * A manager answers a customer's request under the personal-information law: a copy of their
 * data, or its erasure. The two buttons of the customer page's header, as page actions.
 */
export function useCustomerPrivacyActions(customer: () => Customer | null): ComputedRef<PageAction[]> {
  const { t } = useI18n()
  const session = useSessionStore()
  const customers = useCustomersStore()
  const dataExport = useDataExportStore()

  async function exportData(id: string) {
    try {
      const fileName = await dataExport.exportCustomer(id)
      if (fileName) ElMessage.success(t('customerPrivacy.exported', { fileName }))
    } catch (error) {
      showError(error)
    }
  }

  async function erase(target: Customer) {
    const message = h('div', { class: 'erase-confirmation', 'data-test': 'erase-confirmation' }, [
      h('p', t('customerPrivacy.eraseErased')),
      h('p', t('customerPrivacy.eraseKept', { erasedName: t('customerPrivacy.erasedName') })),
      h('p', { class: 'final' }, t('customerPrivacy.eraseFinal'))
    ])
    try {
      await askInMessageBox(() =>
        ElMessageBox.confirm(message, t('customerPrivacy.eraseTitle', { name: target.name }), {
          type: 'warning',
          confirmButtonText: t('customerPrivacy.eraseConfirm'),
          confirmButtonClass: 'el-button--danger',
          cancelButtonText: t('common.cancel')
        })
      )
    } catch {
      return
    }
    try {
      await customers.erase(target.id)
      ElMessage.success(t('customerPrivacy.erased'))
    } catch (error) {
      showError(error)
    }
  }

  return computed(() => {
    const shown = customer()
    if (!shown) return []
    return [
      {
        label: t('customerPrivacy.export'),
        icon: Download,
        loading: dataExport.exporting,
        test: 'export-customer-data',
        shown: session.may('dataExport.customer'),
        run: () => exportData(shown.id)
      },
      {
        label: t('customerPrivacy.erase'),
        icon: Delete,
        type: 'danger',
        plain: true,
        test: 'erase-customer',
        shown: session.may('customers.erase') && !shown.erasedAt,
        run: () => erase(shown)
      }
    ]
  })
}
