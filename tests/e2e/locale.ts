import type { Page } from '@playwright/test'

type BrowserStorage = { localStorage: { setItem(key: string, value: string): void } }

/** The language the page shows from its next load on, as the language menu would leave it. */
export async function chooseLanguage(page: Page, locale: 'zh-CN' | 'en'): Promise<void> {
  await page.evaluate(
    (locale) => (globalThis as unknown as BrowserStorage).localStorage.setItem('service-center.locale', locale),
    locale
  )
}
