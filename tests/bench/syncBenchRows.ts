import type { RegistryUnit } from '../../src-hq/seed/registry'

/**
 * The registry the sync benchmark publishes at HQ and pulls into the shop, made the same way in
 * the benchmark's process and in HQ's (syncBenchHqProcess.ts), which builds its rows itself.
 */

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const MODELS = [
  ['华为', 'Mate 60', 'mobile_phone'],
  ['小米', 'Xiaomi 14', 'mobile_phone'],
  ['联想', 'ThinkPad X1', 'computer'],
  ['海信', '65E3K', 'tv'],
  ['格力', 'KFR-35GW', 'air_conditioner']
] as const

export function registryUnit(i: number): RegistryUnit {
  const [brand, model, categoryKey] = MODELS[i % MODELS.length]!
  return {
    serial: `SN${String(i).padStart(10, '0')}`,
    brand,
    model,
    categoryKey,
    cardNumber: i % 3 === 0 ? `CARD${i}` : null,
    purchaseDate: '2025-06-01',
    invoiceNumber: `INV${i}`,
    dealer: '苏宁易购天河店',
    productionDate: null,
    buyerName: `${SURNAMES[i % SURNAMES.length]}先生`,
    buyerPhone: `139${String(i).padStart(8, '0')}`,
    activationDate: null
  }
}
