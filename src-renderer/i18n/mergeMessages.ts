type MessageTree = Record<string, unknown>

const isTree = (value: unknown): value is MessageTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Lays message trees over each other key by key, so one feature's texts can live in several files
 * (`warranty.import` in its own file beside `warranty.verdict`). A text defined twice is a mistake:
 * it throws, naming the key, instead of one file silently hiding the other's text. The inputs are
 * not changed.
 */
export function mergeMessages(trees: readonly MessageTree[]): MessageTree {
  const merged: MessageTree = {}
  for (const tree of trees) mergeInto(merged, tree, '')
  return merged
}

function mergeInto(target: MessageTree, source: MessageTree, path: string): MessageTree {
  for (const [key, value] of Object.entries(source)) {
    const at = path ? `${path}.${key}` : key
    const existing = target[key]
    if (existing === undefined) target[key] = isTree(value) ? mergeInto({}, value, at) : value
    else if (isTree(existing) && isTree(value)) mergeInto(existing, value, at)
    else throw new Error(`The message "${at}" is defined twice`)
  }
  return target
}

/** What a value of every type in the union `U` is at once: the type of message trees merged. */
export type AllOf<U> = (U extends unknown ? (part: U) => void : never) extends (whole: infer I) => void ? I : never

type MessageFile = { 'zh-CN': MessageTree; en: MessageTree }

/**
 * Several files of texts as one, each language merged as `mergeMessages` does (a text defined twice
 * throws), typed as all the files together.
 */
export function mergeMessageFiles<Files extends readonly MessageFile[]>(
  files: Files
): { 'zh-CN': AllOf<Files[number]['zh-CN']>; en: AllOf<Files[number]['en']> } {
  return {
    'zh-CN': mergeMessages(files.map((file) => file['zh-CN'])) as AllOf<Files[number]['zh-CN']>,
    en: mergeMessages(files.map((file) => file.en)) as AllOf<Files[number]['en']>
  }
}
