import { defineStore } from 'pinia'
import { i18n, setLocale, type Locale } from '../../i18n'
import { call } from '../../api/client'

/**
 * The settings that belong to this desk rather than the shop (features/settings/deskSettings.ts
 * on the server): the UI language follows the desk, whoever signs in at it. Before anyone signs
 * in the language last used in this browser shows.
 */
export const useDeskSettingsStore = defineStore('deskSettings', () => {
  /** After sign-in: the desk's saved language, if it has one, replaces this browser's. */
  async function applySaved(): Promise<void> {
    const { language } = await call('settings.desk', {})
    if (language && language !== i18n.global.locale.value) setLocale(language)
  }

  /** The language switch: shown at once, and kept for the desk when someone is signed in. */
  async function chooseLanguage(locale: Locale, signedIn: boolean): Promise<void> {
    setLocale(locale)
    if (signedIn) await call('settings.saveDesk', { language: locale })
  }

  return { applySaved, chooseLanguage }
})
