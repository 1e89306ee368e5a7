/** One entry of an `el-select`'s `options`: the value chosen and the text shown for it. */
export interface Choice<V> {
  value: V
  label: string
}

/** The choices of a select, in the order of `values`, each shown as `label` words it. */
export function choicesOf<V>(values: readonly V[], label: (value: V) => string): Choice<V>[] {
  return values.map((value) => ({ value, label: label(value) }))
}
