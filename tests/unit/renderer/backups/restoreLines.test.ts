// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '../../../../src-renderer/i18n'
import type { DroppedMoneyRecord } from '../../../../src-shared/contract/backups'
import {
  confirmedLines,
  hqLines,
  keptSentence,
  moneyLines,
  versionWords
} from '../../../../src-renderer/features/backups/backupFormat'

afterEach(() => setLocale('zh-CN'))
const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})

describe('what the restore says of lock-outs and HQ', () => {
  it('names the accounts that stay locked among what is kept', () => {
    const kept = { passwords: [], accounts: [], revokedDesks: [], lockedOut: ['前台小李', '王师傅'] }
    expect(keptSentence(kept, t)).toBe('以下在备份之后的变更已保留：因密码错误次数过多仍被锁定的账号：前台小李、王师傅')
  })

  it('says nothing of HQ when the copy has today’s connection and HQ received nothing since', () => {
    expect(hqLines({ hqName: '品牌总部', connectionKept: false, heldByHq: [], sentAgain: 0 }, t)).toEqual([])
  })

  it('counts the records sent again and those HQ keeps, and names the warranty claims among them apart', () => {
    setLocale('en')
    const lines = hqLines(
      {
        hqName: 'Brand HQ',
        connectionKept: true,
        heldByHq: [
          { entity: 'work_order', records: 4 },
          { entity: 'warranty_claim', records: 2 }
        ],
        sentAgain: 3
      },
      t
    )
    expect(lines.map((line) => line.test)).toEqual([
      'restore-hq-connection',
      'restore-hq-sent-again',
      'restore-hq-held',
      'restore-hq-claims'
    ])
    expect(lines[0]!.text).toContain('HQ “Brand HQ” as it is now')
    expect(lines[1]!.text).toContain('HQ has already received: 3. The backup’s version of them is sent to HQ again.')
    expect(lines[2]!.text).toContain('Records made since the backup that HQ has already received: 6.')
    expect(lines[3]!.text).toContain('Warranty claims among them: 2.')
  })
})

describe('what the restore says of numbers issued and customers erased since the copy', () => {
  it('says nothing when the copy is not behind on either', () => {
    expect(confirmedLines({ numberSeries: [], erasures: 0 }, t)).toEqual([])
  })

  it('names the series that continue from today’s numbers, and counts the erasures applied again', () => {
    expect(confirmedLines({ numberSeries: ['INV', 'WO'], erasures: 2 }, t)).toEqual([
      { test: 'restore-numbers', text: '单号从现在的编号接着编，已经开出的号码不会再用一次：收款收据、工单' },
      {
        test: 'restore-erasures',
        text: '备份之后已删除个人信息的 2 位客户，恢复后会再次删除（备份中他们的工单等也一样）。'
      }
    ])
    setLocale('en')
    const [numbers] = confirmedLines({ numberSeries: ['CN', 'XY'], erasures: 0 }, t)
    // A series this screen has no name for is shown by its prefix.
    expect(numbers?.text).toBe(
      'Numbering continues from today’s, so no number already issued is given again: refund notes, XY'
    )
  })
})

describe('what the restore says of money since the copy', () => {
  const record = (kind: DroppedMoneyRecord['kind'], documentNumber: string, amountFen: number): DroppedMoneyRecord => ({
    recordId: documentNumber,
    kind,
    amountFen,
    method: 'cash',
    documentNumber,
    workOrderId: null,
    workOrderNumber: null,
    refundsDocumentId: null,
    customerName: '',
    at: '2026-01-23T02:00:00.000Z',
    byName: null,
    dayCloseNumber: null
  })

  it('says nothing when no money moved since the copy', () => {
    expect(moneyLines({ dropped: [], keptDayCloses: [] }, t)).toEqual([])
  })

  it('names the first records dropped, counts the rest, sums money in and out, and names the closes kept', () => {
    const dropped = [
      record('refund', 'CN-260123-0001', -4_000),
      ...Array.from({ length: 6 }, (_, n) => record('payment', `INV-260123-000${n + 1}`, 10_000))
    ]
    const lines = moneyLines({ dropped, keptDayCloses: ['DC-260123-0001'] }, t)
    expect(lines.map((line) => line.test)).toEqual(['restore-money-dropped', 'restore-money-day-closes'])
    expect(lines[0]!.text).toContain('备份之后的 7 笔收付款和单据')
    expect(lines[0]!.text).toContain('收入 600.00 元，付出 40.00 元')
    expect(lines[0]!.text).toContain('退款 CN-260123-0001 -¥40.00、收款 INV-260123-0001 ¥100.00')
    expect(lines[0]!.text).toContain('INV-260123-0005 ¥100.00、等 1 笔')
    expect(lines[1]!.text).toContain('DC-260123-0001')
  })
})

describe("the copy's version against this app's", () => {
  it('is the same, older (brought up to date on restore) or newer (cannot be restored)', () => {
    expect([versionWords(64, 64), versionWords(60, 64), versionWords(65, 64)]).toEqual(['same', 'older', 'newer'])
    const words = (['same', 'older', 'newer'] as const).map((key) => i18n.global.t(`backups.versions.${key}`))
    expect(words).toEqual(['与本程序相同', '较早版本的程序生成，恢复时自动升级', '更新版本的程序生成，无法恢复'])
  })
})
