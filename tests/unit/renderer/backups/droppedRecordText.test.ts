// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '../../../../src-renderer/i18n'
import type { DroppedMoneyEntry } from '../../../../src-shared/contract/backups'
import { ERASED_CUSTOMER_NAME } from '../../../../src-shared/domain/erasedCustomer'
import { droppedRecordText } from '../../../../src-renderer/features/backups/backupFormat'

afterEach(() => setLocale('zh-CN'))
const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})

/** A payment a restore dropped on job WO-260123-0001, taken by 前台小李 at 10:30 in Shanghai. */
const payment = (customerName: string): DroppedMoneyEntry => ({
  id: '019be894-6d00-7000-8000-000000000001',
  recordId: '019be894-6d00-7000-8000-000000000002',
  kind: 'payment',
  amountFen: 12_000,
  method: 'cash',
  documentNumber: '',
  workOrderId: '019be894-6d00-7000-8000-000000000003',
  workOrderNumber: 'WO-260123-0001',
  refundsDocumentId: null,
  customerName,
  at: '2026-01-23T02:30:00.000Z',
  byName: '前台小李',
  dayCloseNumber: null,
  backupName: 'backup.sqlite',
  restoredAt: '2026-01-23T05:00:00.000Z',
  dealtWithAt: null,
  dealtWithByName: null,
  dealtWithNote: '',
  countedNotReEntered: null
})

describe('a dropped money record as the counter reads it', () => {
  it("names an erased customer by the placeholder in the reader's language", () => {
    const zh = droppedRecordText(payment(ERASED_CUSTOMER_NAME), t, 'Asia/Shanghai', false)
    expect(zh).toContain('客户 已删除客户')
    setLocale('en')
    const en = droppedRecordText(payment(ERASED_CUSTOMER_NAME), t, 'Asia/Shanghai', false)
    expect(en).toContain('customer Erased customer')
    expect(en).not.toContain(ERASED_CUSTOMER_NAME)
  })

  it("keeps a living customer's name as stored, and leaves the job's number out on its own page", () => {
    setLocale('en')
    const onList = droppedRecordText(payment('张伟'), t, 'Asia/Shanghai', false)
    expect(onList.split(' · ')).toEqual(
      expect.arrayContaining(['Payment', 'job WO-260123-0001', 'customer 张伟', 'by 前台小李'])
    )
    expect(droppedRecordText(payment('张伟'), t, 'Asia/Shanghai', true)).not.toContain('WO-260123-0001')
  })
})
