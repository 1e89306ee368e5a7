import { describe, expect, it } from 'vitest'
import {
  countCsvRecords,
  CsvPieceReader,
  CsvRecordCounter,
  parseCsv,
  type CsvRecord
} from '../../../../src-main/features/warranty/import/csv'
import { detectEncoding, detectEncodingOfPieces, readText } from '../../../../src-main/features/warranty/import/decode'
import { excelSerialToDate, parseImportDate } from '../../../../src-main/features/warranty/import/dates'
import { categoryOfCell, suggestMapping } from '../../../../src-main/features/warranty/import/headers'
import { bulkIdMaker } from '../../../../src-main/features/warranty/import/bulkIds'

const rows = (text: string) => [...parseCsv(text)].map((record) => [record.line, ...record.fields])

describe('CSV parser', () => {
  it('reads quoted fields with doubled quotes, delimiters and line breaks inside, CRLF or LF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,2,3'
    expect(rows(text)).toEqual([
      [1, 'a', 'b', 'c'],
      [2, 'x, y', 'say "hi"', 'two\r\nlines'],
      [4, '1', '2', '3']
    ])
  })

  it('skips blank lines (and rows of only commas) but keeps the physical line numbers', () => {
    const text = 'h1,h2\n\nv1,v2\r\n,,\r\n\r\n"multi\nline",x\nlast,row\n'
    expect(rows(text)).toEqual([
      [1, 'h1', 'h2'],
      [3, 'v1', 'v2'],
      [6, 'multi\nline', 'x'],
      [8, 'last', 'row']
    ])
    expect(countCsvRecords(text)).toBe(4)
  })

  it('keeps empty fields, a trailing empty field, and reads tab-separated files', () => {
    expect(rows('a,,c,\n')).toEqual([[1, 'a', '', 'c', '']])
    expect(rows('序列号\t型号\nSN1\tM, 1\n')).toEqual([
      [1, '序列号', '型号'],
      [2, 'SN1', 'M, 1']
    ])
  })

  // Its speed is shown by `npm run bench:warranty`, not timed here: a test suite does not assert durations.
  it('parses a million rows, one record at a time, without losing or splitting any', () => {
    const line = 'SN0000001,Huawei,Mate 60,手机,2026-01-23,FP1,"Dealer, A",张三,13800138000\n'
    const text = 'serial,brand,model,category,purchase date,invoice,dealer,name,phone\n' + line.repeat(1_000_000)
    let count = 0
    for (const record of parseCsv(text)) count += record.fields.length === 9 ? 1 : 0
    expect(count).toBe(1_000_001)
  })
})

describe('reading a file in pieces', () => {
  const samples = [
    'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,2,3',
    'h1,h2\n\nv1,v2\r\n,,\r\n\r\n"multi\nline",x\nlast,row\n',
    'a,,c,\n',
    '序列号,型号\r\n"王\r\n五",M1\r\n  \r\nSN2,"M ""2"""\r\n'
  ]
  const cut = (bytes: Uint8Array, size: number) => {
    const pieces: Uint8Array[] = []
    for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size))
    return pieces
  }

  it('counts and parses records across any cut, as the whole text does', () => {
    for (const text of samples) {
      const bytes = new TextEncoder().encode(text)
      for (const size of [1, 2, 3, 5, 7, bytes.length]) {
        const counter = new CsvRecordCounter(',', 1)
        const reader = new CsvPieceReader(',')
        const decoder = new TextDecoder()
        const records: CsvRecord[] = []
        const pieces = cut(bytes, size)
        pieces.forEach((piece, index) => {
          const last = index === pieces.length - 1
          counter.add(piece)
          records.push(...reader.read(decoder.decode(piece, { stream: !last }), last))
        })
        expect(counter.total()).toBe(countCsvRecords(text))
        expect(records).toEqual([...parseCsv(text)])
      }
    }
  })

  it('counts a UTF-16LE file’s records across any cut, a code unit split between pieces too', () => {
    for (const text of samples) {
      const bytes = new Uint8Array(text.length * 2)
      for (let i = 0; i < text.length; i++) {
        bytes[2 * i] = text.charCodeAt(i) & 0xff
        bytes[2 * i + 1] = text.charCodeAt(i) >> 8
      }
      for (const size of [1, 2, 3, 5, 7, bytes.length]) {
        const counter = new CsvRecordCounter(',', 2)
        for (const piece of cut(bytes, size)) counter.add(piece)
        expect(counter.total()).toBe(countCsvRecords(text))
      }
    }
  })

  it('tells UTF-8 from GB18030 whatever the cut, without joining the pieces', () => {
    const utf8 = new TextEncoder().encode('序列号,型号\n𠮷,张三\n')
    const gbk = new Uint8Array([0xd0, 0xf2, 0xc1, 0xd0, 0xba, 0xc5, 0x2c, 0x41])
    for (const size of [1, 2, 3, 4, 5, 100]) {
      expect(detectEncodingOfPieces(cut(utf8, size))).toBe('utf-8')
      expect(detectEncodingOfPieces(cut(gbk, size))).toBe('gb18030')
      // A character cut off at the end of the file is not UTF-8.
      expect(detectEncodingOfPieces(cut(utf8.subarray(0, utf8.length - 2), size))).toBe('gb18030')
    }
  })
})

describe('encoding detection', () => {
  it('tells BOMs, UTF-8, GB18030 and xlsx apart', () => {
    const utf8 = new TextEncoder().encode('序列号,型号\n')
    expect(detectEncoding(utf8)).toBe('utf-8')
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('utf-8-bom')
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le')
    // 序列号 in GBK
    const gbk = new Uint8Array([0xd0, 0xf2, 0xc1, 0xd0, 0xba, 0xc5])
    expect(detectEncoding(gbk)).toBe('gb18030')
    expect(readText(gbk)).toEqual({ encoding: 'gb18030', text: '序列号' })
    expect(detectEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx')
    expect(readText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x2d, 0x4e]))).toEqual({
      encoding: 'utf-16le',
      text: 'A中'
    })
  })
})

describe('dates', () => {
  it('reads the usual forms into YYYY-MM-DD', () => {
    for (const input of [
      '2026-01-23',
      '2026/1/23',
      '2026.1.23',
      '2026年1月23日',
      '20260123',
      ' 2026-1-23 10:30 ',
      '46045'
    ]) {
      expect(parseImportDate(input)).toEqual({ ok: true, date: '2026-01-23' })
    }
    expect(parseImportDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' })
  })

  it('refuses dates that are not on the calendar, and other text', () => {
    expect(parseImportDate('2026-02-29')).toEqual({ ok: false, reason: 'calendar' })
    expect(parseImportDate('2026-02-30')).toEqual({ ok: false, reason: 'calendar' })
    expect(parseImportDate('2026.13.1')).toEqual({ ok: false, reason: 'calendar' })
    expect(parseImportDate('23/01/2026')).toEqual({ ok: false, reason: 'format' })
    expect(parseImportDate('yesterday')).toEqual({ ok: false, reason: 'format' })
    expect(parseImportDate('12345')).toEqual({ ok: false, reason: 'range' })
    expect(parseImportDate('46045', false)).toEqual({ ok: false, reason: 'format' })
  })

  it('follows Excel 1900 serials, fictitious 1900-02-29 included', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01')
    expect(excelSerialToDate(59)).toBe('1900-02-28')
    expect(excelSerialToDate(60)).toBeNull()
    expect(excelSerialToDate(61)).toBe('1900-03-01')
    expect(excelSerialToDate(45658)).toBe('2025-01-01')
    expect(excelSerialToDate(46045.75)).toBe('2026-01-23')
  })
})

describe('headers and categories', () => {
  it('maps Chinese and English header names, ignoring case and spaces', () => {
    expect(suggestMapping(['序列号', '品牌', '产品型号', '销售日期', '手机号', '备注'])).toEqual({
      serial: 0,
      brand: 1,
      model: 2,
      purchaseDate: 3,
      buyerPhone: 4
    })
    expect(
      suggestMapping([' Serial Number ', 'S/N', 'MODEL', 'Invoice No.', 'Card No', 'Activation Date', '三包凭证号'])
    ).toEqual({
      serial: 0,
      model: 2,
      invoiceNumber: 3,
      cardNumber: 4,
      activationDate: 5
    })
  })

  it('reads category keys and Chinese names', () => {
    expect(categoryOfCell('移动电话')).toBe('mobile_phone')
    expect(categoryOfCell('笔记本')).toBe('laptop_computer')
    expect(categoryOfCell('电视机')).toBe('tv')
    expect(categoryOfCell('Air_Conditioner')).toBe('air_conditioner')
    expect(categoryOfCell('电冰箱')).toBe('refrigerator')
    expect(categoryOfCell('洗衣机')).toBe('washing_machine')
    expect(categoryOfCell('吸尘器')).toBeNull()
  })
})

describe('bulk ids', () => {
  it('are UUIDv7, unique, in creation order, with the given millisecond', () => {
    const at = Date.UTC(2026, 0, 23, 2, 0, 0)
    const next = bulkIdMaker(at)
    const ids = Array.from({ length: 300_000 }, () => next())
    for (const id of [ids[0]!, ids[262_143]!, ids[262_144]!, ids[299_999]!]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })
})
