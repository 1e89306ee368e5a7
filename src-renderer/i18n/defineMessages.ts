/**
 * One feature's texts in every language. English must have exactly the Chinese keys, so a
 * missing translation is a type error rather than a raw key on screen.
 */
export function defineMessages<T extends Record<string, unknown>>(zhCN: T, en: NoInfer<T>): { 'zh-CN': T; en: T } {
  return { 'zh-CN': zhCN, en }
}
