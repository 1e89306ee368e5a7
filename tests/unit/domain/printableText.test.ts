import { describe, expect, it } from 'vitest'
import { isMultiLineText, isSingleLineText } from '../../../src-shared/contract/common'
import { printableLine, printableText, printableValue } from '../../../src-shared/domain/printableText'

const RLO = '\u202E'
const NUL = '\u0000'
const ESC = '\u001B'

describe('printable text', () => {
  it('removes control characters and bidi controls, and keeps what can be seen', () => {
    expect(printableText(`张${NUL}三${ESC}[31m`)).toBe('张三[31m')
    expect(printableText(`invoice${RLO}fdp.exe`)).toBe('invoicefdp.exe')
    expect(printableText(`a\u2066b\u2069c\u0085d\u007Fe`)).toBe('abcde')
  })

  it('keeps tabs and line breaks, turning CRLF and a lone CR into LF', () => {
    expect(printableText('第一行\r\n第二行\r第三行\n\t缩进')).toBe('第一行\n第二行\n第三行\n\t缩进')
    expect(printableLine('第一行\r\n第二行\t末尾')).toBe('第一行 第二行 末尾')
  })

  it('what it gives back passes the input check, single-line or not', () => {
    const every = Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code)).join('') + RLO + '\u2068'
    expect(isMultiLineText(printableText(every))).toBe(true)
    expect(isSingleLineText(printableLine(every))).toBe(true)
  })

  it('cleans every string of a document however deep, and leaves other values alone', () => {
    const document = {
      customer: { name: `李${RLO}四`, phones: [`138${NUL}0000`] },
      totalFen: 12_300,
      paid: true,
      note: null
    }
    expect(printableValue(document)).toEqual({
      customer: { name: '李四', phones: ['1380000'] },
      totalFen: 12_300,
      paid: true,
      note: null
    })
    expect(document.customer.name).toBe(`李${RLO}四`)
  })
})
