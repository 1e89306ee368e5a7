import type { ImportField } from '../../../../src-shared/contract/warranty'
import type { CategoryKey } from '../../../../src-shared/domain/warranty/policy'
import { CATEGORY_KEYS } from '../../../../src-shared/domain/warranty/policy'

/** Header names dealers and Excel sheets use for each field, in Chinese and English. */
export const HEADER_NAMES: Record<ImportField, string[]> = {
  serial: [
    '序列号',
    'SN',
    'S/N',
    'IMEI',
    '串号',
    '机身号',
    '机身序列号',
    '产品序列号',
    'serial',
    'serial number',
    'serial no',
    'imei'
  ],
  cardNumber: [
    '保修卡号',
    '三包凭证号',
    '保修卡编号',
    '卡号',
    'warranty card',
    'card number',
    'card no',
    'warranty card number'
  ],
  brand: ['品牌', 'brand'],
  model: ['型号', '产品型号', '机型', 'model'],
  category: ['品类', '类别', '产品类别', 'category'],
  purchaseDate: ['购买日期', '销售日期', '发票日期', '开票日期', 'purchase date', 'invoice date', 'sale date'],
  invoiceNumber: ['发票号', '发票号码', 'invoice no', 'invoice number'],
  dealer: ['经销商', '销售商', '门店', '销售门店', 'dealer', 'seller'],
  productionDate: ['生产日期', '出厂日期', 'production date', 'manufacture date'],
  buyerName: ['客户姓名', '购买人', '顾客', '姓名', 'buyer', 'customer', 'name'],
  buyerPhone: ['电话', '手机', '手机号', '联系电话', 'phone', 'mobile', 'telephone'],
  activationDate: ['激活日期', 'activation date']
}

export const DATE_FIELDS: readonly ImportField[] = ['purchaseDate', 'productionDate', 'activationDate']

/** Case, spaces, underscores, full-width forms and a trailing colon or "*" (required mark) do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*:：]+/g, '')
    .replace(/\.$/, '')
}

const FIELD_BY_HEADER = new Map<string, ImportField>()
for (const [field, names] of Object.entries(HEADER_NAMES) as [ImportField, string[]][]) {
  for (const name of names) FIELD_BY_HEADER.set(normalizeHeader(name), field)
}

export function fieldOfHeader(header: string): ImportField | null {
  return FIELD_BY_HEADER.get(normalizeHeader(header)) ?? null
}

/** Column index per field, from the header names; the first column naming a field wins. */
export function suggestMapping(headers: string[]): Partial<Record<ImportField, number>> {
  const mapping: Partial<Record<ImportField, number>> = {}
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header)
    if (field !== null && mapping[field] === undefined) mapping[field] = index
  })
  return mapping
}

const CATEGORY_NAMES: Record<CategoryKey, string[]> = {
  mobile_phone: ['手机', '移动电话'],
  computer: ['电脑', '微型计算机'],
  desktop_computer: ['台式机', '台式电脑', '台式计算机', '台式微型计算机'],
  laptop_computer: ['笔记本', '笔记本电脑', '便携式计算机', '便携式微型计算机'],
  tv: ['电视', '电视机'],
  air_conditioner: ['空调', '空调器'],
  refrigerator: ['冰箱', '电冰箱'],
  washing_machine: ['洗衣机']
}

const CATEGORY_BY_NAME = new Map<string, CategoryKey>()
for (const key of CATEGORY_KEYS) {
  CATEGORY_BY_NAME.set(normalizeHeader(key), key)
  for (const name of CATEGORY_NAMES[key] ?? []) CATEGORY_BY_NAME.set(normalizeHeader(name), key)
}

/** A category cell: a key (mobile_phone, …) or its Chinese name (手机, 电视机, …). */
export function categoryOfCell(value: string): CategoryKey | null {
  return CATEGORY_BY_NAME.get(normalizeHeader(value)) ?? null
}

/** The Chinese name of a category, for the rejected-rows file. */
export function categoryName(key: CategoryKey): string {
  return CATEGORY_NAMES[key]?.[0] ?? key
}
