import type { ImportRejection } from '../../../../src-shared/contract/warranty'
import type { ExportLanguage } from '../../../../src-shared/contract/dataExport'
import { printableText } from '../../../../src-shared/domain/printableText'
import type { ImportReasonKey } from './validate'

/** Quoted where needed; control characters from the file are dropped (the rows are written out again). */
function csvField(raw: string): string {
  const value = printableText(raw)
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

type Params = ImportRejection['params']
type Words = Record<ImportReasonKey, (p: Params, field: string, category: string) => string>

/** The file's own words in each language a reader can choose (the screen's are in its messages). */
const TEXTS: Record<
  ExportLanguage,
  {
    reasonColumn: string
    line: (line: number, reason: string) => string
    fields: Record<string, string>
    categories: Record<string, string>
    reasons: Words
  }
> = {
  'zh-CN': {
    reasonColumn: '错误原因',
    line: (line, reason) => `第${line}行：${reason}`,
    fields: {
      serial: '序列号',
      brand: '品牌',
      model: '型号',
      category: '品类',
      cardNumber: '保修卡号',
      purchaseDate: '购买日期',
      invoiceNumber: '发票号',
      dealer: '经销商',
      productionDate: '生产日期',
      buyerName: '客户姓名',
      buyerPhone: '电话',
      activationDate: '激活日期'
    },
    categories: {
      mobile_phone: '手机',
      computer: '电脑',
      desktop_computer: '台式电脑',
      laptop_computer: '笔记本电脑',
      tv: '电视',
      air_conditioner: '空调',
      refrigerator: '冰箱',
      washing_machine: '洗衣机'
    },
    reasons: {
      'warranty.import.serialMissing': () => '缺少序列号',
      'warranty.import.serialInvalid': () => '序列号格式不正确（只能包含字母、数字、- / .，最长40位）',
      'warranty.import.serialDuplicate': (p) => `序列号 ${p.serial} 在文件中重复（与第${p.firstLine}行相同）`,
      'warranty.import.modelMissing': () => '缺少型号',
      'warranty.import.brandMissing': () => '缺少品牌',
      'warranty.import.categoryUnknown': (p) => `无法识别的品类：${p.value}`,
      'warranty.import.categoryMissing': () => '缺少品类（型号不在产品目录中，请填写品类）',
      'warranty.import.categoryConflict': (p, _, category) =>
        `品类与型号 ${p.brand} ${p.model} 已有的品类（${category}）不一致`,
      'warranty.import.dateInvalid': (p, field) => `${field}不是有效日期：${p.value}`,
      'warranty.import.dateInFuture': (p, field) => `${field}晚于今天：${p.value}`,
      'warranty.import.tooLong': (p, field) => `${field}过长（最多${p.max}个字符）`,
      'warranty.import.controlCharacter': (_, field) => `${field}含有控制字符或隐藏的文字方向符`,
      'warranty.import.cardDuplicate': (p) => `保修卡号 ${p.cardNumber} 在文件中重复（与第${p.firstLine}行相同）`,
      'warranty.import.cardTaken': (p) => `保修卡号 ${p.cardNumber} 已登记在序列号 ${p.serial} 上`
    }
  },
  en: {
    reasonColumn: 'Reason',
    line: (line, reason) => `Line ${line}: ${reason}`,
    fields: {
      serial: 'Serial',
      brand: 'Brand',
      model: 'Model',
      category: 'Category',
      cardNumber: 'Warranty card',
      purchaseDate: 'Purchase date',
      invoiceNumber: 'Invoice number',
      dealer: 'Dealer',
      productionDate: 'Production date',
      buyerName: 'Buyer',
      buyerPhone: 'Buyer phone',
      activationDate: 'Activation date'
    },
    categories: {
      mobile_phone: 'Mobile phone',
      computer: 'Computer',
      desktop_computer: 'Desktop computer',
      laptop_computer: 'Laptop',
      tv: 'TV',
      air_conditioner: 'Air conditioner',
      refrigerator: 'Refrigerator',
      washing_machine: 'Washing machine'
    },
    reasons: {
      'warranty.import.serialMissing': () => 'Serial missing',
      'warranty.import.serialInvalid': () => 'Serial not valid (letters, digits and - / . only, up to 40)',
      'warranty.import.serialDuplicate': (p) =>
        `Serial ${p.serial} appears twice in the file (same as line ${p.firstLine})`,
      'warranty.import.modelMissing': () => 'Model missing',
      'warranty.import.brandMissing': () => 'Brand missing',
      'warranty.import.categoryUnknown': (p) => `Unknown category: ${p.value}`,
      'warranty.import.categoryMissing': () => 'Category missing (the model is not in the catalogue; give a category)',
      'warranty.import.categoryConflict': (p, _, category) =>
        `Category differs from the one model ${p.brand} ${p.model} already has (${category})`,
      'warranty.import.dateInvalid': (p, field) => `${field} is not a valid date: ${p.value}`,
      'warranty.import.dateInFuture': (p, field) => `${field} is after today: ${p.value}`,
      'warranty.import.tooLong': (p, field) => `${field} too long (at most ${p.max} characters)`,
      'warranty.import.controlCharacter': (_, field) =>
        `${field} contains a control character or a hidden text-direction mark`,
      'warranty.import.cardDuplicate': (p) =>
        `Warranty card ${p.cardNumber} appears twice in the file (same as line ${p.firstLine})`,
      'warranty.import.cardTaken': (p) => `Warranty card ${p.cardNumber} is already registered to serial ${p.serial}`
    }
  }
}

/** Why a row was turned away, in plain words of the reader's language, for the file opened in Excel. */
export function reasonText(rejection: ImportRejection, language: ExportLanguage): string {
  const texts = TEXTS[language]
  const p = rejection.params
  const words = texts.reasons[rejection.reasonKey as ImportReasonKey]
  if (!words) return rejection.reasonKey
  const field = texts.fields[String(p.field)] ?? String(p.field)
  return words(p, field, texts.categories[String(p.category)] ?? String(p.category))
}

/**
 * The rejected rows as a file to fix and import again, in the language of who downloads it:
 * UTF-8 with a BOM (so Excel on Chinese Windows opens it right), the original columns, and one
 * more column with the line and reason.
 */
export function rejectedRowsCsv(
  headers: string[],
  rows: { fields: string[]; rejection: ImportRejection }[],
  language: ExportLanguage
): string {
  const texts = TEXTS[language]
  const width = headers.length
  const lines = [[...headers, texts.reasonColumn].map(csvField).join(',')]
  for (const { fields, rejection } of rows) {
    const cells = fields.length >= width ? fields : [...fields, ...Array<string>(width - fields.length).fill('')]
    lines.push([...cells, texts.line(rejection.line, reasonText(rejection, language))].map(csvField).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
