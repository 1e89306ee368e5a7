import type { CodeList } from './repairTypes'

/**
 * The codes the migrations seeded at first start (symptoms, fault locations, fault causes), with
 * the labels they were seeded with, in the shop's first language. A label is data the shop (or
 * the brand's HQ list) may change later; while a seeded code still carries the label it was
 * seeded with, it is the app's own wording, and a screen names it in the reader's language
 * (i18n `codes.seeded.<list>.<code>`) instead of the stored Chinese. A copy, not an import: a
 * migration never reads live code.
 */
const SEEDED = {
  symptom: {
    S01: '不开机 / 无法启动',
    S02: '屏幕无显示或显示异常',
    S03: '触摸失灵',
    S04: '无法充电 / 充电慢',
    S05: '电池续航短 / 鼓包',
    S06: '进水 / 受潮',
    S07: '无信号 / 通话异常',
    S08: '无声音 / 杂音',
    S09: '摄像头故障',
    S10: '自动重启 / 死机',
    S11: '不制冷 / 制冷差',
    S12: '漏水',
    S13: '异响 / 振动大',
    S99: '其他'
  },
  fault_location: {
    L01: '主板',
    L02: '屏幕总成',
    L03: '电池',
    L04: '充电接口 / 尾插',
    L05: '摄像头模组',
    L06: '扬声器 / 听筒',
    L07: '按键 / 排线',
    L08: '电源板',
    L09: '压缩机',
    L10: '电机',
    L11: '软件系统',
    L99: '其他部位'
  },
  fault_cause: {
    C01: '元器件自然老化 / 失效',
    C02: '生产工艺缺陷',
    C03: '进液腐蚀',
    C04: '外力撞击 / 跌落',
    C05: '使用不当',
    C06: '软件故障',
    C07: '第三方拆修',
    C08: '未发现故障',
    C99: '其他原因'
  }
} as const satisfies Record<CodeList, Record<string, string>>

/** Every seeded code of every list, each with a name: the shape of a language's names for them. */
export type SeededCodeNames = { readonly [L in CodeList]: { readonly [C in keyof (typeof SEEDED)[L]]: string } }

/** The seeded labels: the Chinese names of the seeded codes, as i18n's zh-CN shows them too. */
export const SEEDED_CODE_LABELS: SeededCodeNames = SEEDED

/** Whether a code still carries the label it was seeded with (false for one the shop added or renamed). */
export function isSeededCodeLabel(list: CodeList, code: string, label: string): boolean {
  const labels: Readonly<Record<string, string>> = SEEDED_CODE_LABELS[list]
  return Object.hasOwn(labels, code) && labels[code] === label
}
