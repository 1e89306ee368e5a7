import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'
import elementEn from 'element-plus/es/locale/lang/en'
import { coreZhCN } from './zh-CN'
import { coreEn } from './en'
import { mergeMessages, type AllOf } from './mergeMessages'
import { authMessages } from '../features/auth/messages'
import { setupMessages } from '../features/setup/messages'
import { settingsMessages } from '../features/settings/messages'
import { usersMessages } from '../features/users/messages'
import { auditMessages } from '../features/audit/messages'
import { repairsMessages } from '../features/repairs/messages'
import { workOrderPageMessages } from '../features/repairs/workOrderPageMessages'
import { customersMessages } from '../features/customers/messages'
import { codesMessages } from '../features/codes/messages'
import { warrantyMessages } from '../features/warranty/messages'
import { warrantyReasonMessages } from '../features/warranty/reasonMessages'
import { warrantyImportMessages } from '../features/warranty/importMessages'
import { warrantyPolicyMessages } from '../features/warranty/policyMessages'
import { warrantyRefundMessages } from '../features/warranty/refundMessages'
import { warrantyAccessoryMessages } from '../features/warranty/accessoryMessages'
import { partsMessages } from '../features/parts/messages'
import { partsWorkMessages } from '../features/parts/workMessages'
import { stocktakeMessages } from '../features/parts/stocktakeMessages'
import { printMessages } from '../print/messages'
import { printDocumentMessages } from '../print/documentMessages'
import { checkoutMessages } from '../features/checkout/messages'
import { dayCloseMessages } from '../features/checkout/dayCloseMessages'
import { counterSaleMessages } from '../features/checkout/counterSaleMessages'
import { dataExportMessages } from '../features/dataExport/messages'
import { customerPrivacyMessages } from '../features/customers/privacyMessages'
import { customerHistoryMessages } from '../features/customers/historyMessages'
import { backupsMessages } from '../features/backups/messages'
import { customerContactMessages } from '../features/customerContact/messages'
import { syncMessages } from '../features/sync/messages'
import { claimsMessages } from '../features/checkout/claimsMessages'
import { networkMessages } from '../features/network/messages'
import { desksAdminMessages } from '../features/desksAdmin/messages'
import { reportsMessages } from '../features/reports/messages'
import { dashboardMessages } from '../features/home/messages'

const featureMessages = [
  authMessages,
  setupMessages,
  settingsMessages,
  usersMessages,
  auditMessages,
  repairsMessages,
  workOrderPageMessages,
  customersMessages,
  codesMessages,
  warrantyMessages,
  warrantyReasonMessages,
  warrantyImportMessages,
  warrantyPolicyMessages,
  warrantyRefundMessages,
  warrantyAccessoryMessages,
  partsMessages,
  partsWorkMessages,
  stocktakeMessages,
  printMessages,
  printDocumentMessages,
  checkoutMessages,
  dayCloseMessages,
  counterSaleMessages,
  dataExportMessages,
  customerPrivacyMessages,
  customerHistoryMessages,
  backupsMessages,
  customerContactMessages,
  syncMessages,
  claimsMessages,
  networkMessages,
  desksAdminMessages,
  reportsMessages,
  dashboardMessages
] as const

/** Every feature's texts merged key by key: a feature may spread its texts over several files. */
type MessageSchema = typeof coreZhCN & AllOf<(typeof featureMessages)[number]['zh-CN']>

const zhCN = mergeMessages([coreZhCN, ...featureMessages.map((messages) => messages['zh-CN'])]) as MessageSchema
const en = mergeMessages([coreEn, ...featureMessages.map((messages) => messages.en)]) as MessageSchema

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
const STORAGE_KEY = 'service-center.locale'

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN'
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

/** Element Plus's own texts (date pickers, pagination, dialogs) follow the app's language. */
export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? elementEn : elementZhCn))

/** The page's language and window title follow the chosen locale. */
function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale
  document.title = i18n.global.t('app.title')
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  applyToDocument(locale)
}

applyToDocument(i18n.global.locale.value)
