import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { customerSearchText } from '../../../src-main/features/customers/searchText'
import { pinyinInitials, searchPatterns } from '../../../src-main/features/search/searchText'
import { callOk, closeApp, initializedApp } from '../helpers'

describe('what search-as-you-type scans', () => {
  it('reads Chinese names as pinyin initials, surnames as surnames with the plain reading kept too', () => {
    expect(pinyinInitials('张三丰')).toEqual(['zsf'])
    expect(pinyinInitials('曾小贤')).toContain('zxx')
    expect(pinyinInitials('曾小贤')).toContain('cxx')
    expect(pinyinInitials('单田芳')).toContain('stf')
    expect(pinyinInitials('Acme')).toEqual([])
  })

  it('keeps phones as digits, names and companies in lower case', () => {
    const text = customerSearchText({
      name: '张三丰',
      mobile: '13800138000',
      otherPhones: ['010-6552 1234'],
      company: 'ACME 武当'
    })
    for (const part of ['张三丰', 'zsf', '13800138000', '01065521234', 'acme 武当']) expect(text).toContain(part)
  })

  it('treats a query of digits and phone punctuation as one number, anything else as words that must all match', () => {
    expect(searchPatterns('138 0013')).toEqual(['%1380013%'])
    expect(searchPatterns('+86 138-0013-8000')).toEqual(['%13800138000%'])
    expect(searchPatterns('zsf  8000')).toEqual(['%zsf%', '%8000%'])
    expect(searchPatterns('   ')).toEqual([])
    // LIKE's wildcards typed by the user are taken literally.
    expect(searchPatterns('50%_off')).toEqual(['%50\\%\\_off%'])
  })
})

describe('customer search through the service', () => {
  let app: AppContext
  let token: string
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    ;({ app, adminToken: token } = await initializedApp())
    const create = async (
      key: string,
      fields: { name: string; mobile?: string; otherPhones?: string[]; company?: string }
    ) => {
      ids[key] = (await callOk(app, 'customers.create', fields, token)).id
    }
    await create('zhangSanfeng', { name: '张三丰', mobile: '13800138000', company: '武当科技' })
    await create('zhangSan', { name: '张三', mobile: '13911112222' })
    await create('zengXiaoxian', { name: '曾小贤', mobile: '13755556666' })
    await create('liSi', { name: '李四', mobile: '15012348000', company: 'Acme Trading' })
    await create('wangWu', { name: '王五', otherPhones: ['010-6552 1234'] })
    await create('zhaoLiu', { name: '赵六', mobile: '18600001111', company: '峨眉贸易' })
    await callOk(app, 'customers.merge', { keepId: ids.zhangSan!, mergeId: ids.zhaoLiu! }, token)
  })
  afterAll(async () => {
    await closeApp(app)
  })

  const found = async (query: string) => {
    const page = await callOk(app, 'customers.search', { query }, token)
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]))
    const keys = page.rows.map((row) => byId.get(row.id) ?? row.id).sort()
    expect(page.total, `total for "${query}"`).toBe(keys.length)
    return keys
  }

  it('finds 张三丰 by the pinyin initials zsf, typed in any case', async () => {
    expect(await found('zsf')).toEqual(['zhangSanfeng'])
    expect(await found('ZSF')).toEqual(['zhangSanfeng'])
    expect(await found('zs')).toEqual(['zhangSan', 'zhangSanfeng'])
  })

  it('finds a 曾 surname by z… initials as well as c…, and by the character itself', async () => {
    expect(await found('zxx')).toEqual(['zengXiaoxian'])
    expect(await found('cxx')).toEqual(['zengXiaoxian'])
    expect(await found('曾')).toEqual(['zengXiaoxian'])
  })

  it('finds by the last four digits of a phone, or any part of it, typed with spaces or a country code', async () => {
    expect(await found('6666')).toEqual(['zengXiaoxian'])
    expect(await found('8000')).toEqual(['liSi', 'zhangSanfeng'])
    expect(await found('0013')).toEqual(['zhangSanfeng'])
    expect(await found('138 0013')).toEqual(['zhangSanfeng'])
    expect(await found('+86 138 0013 8000')).toEqual(['zhangSanfeng'])
    expect(await found('6552')).toEqual(['wangWu'])
    expect(await found('010-6552-1234')).toEqual(['wangWu'])
  })

  it('finds by company, and by part of a name', async () => {
    expect(await found('acme')).toEqual(['liSi'])
    expect(await found('武当')).toEqual(['zhangSanfeng'])
    expect(await found('张三')).toEqual(['zhangSan', 'zhangSanfeng'])
  })

  it('with several words, finds only customers matching all of them', async () => {
    expect(await found('zs 8000')).toEqual(['zhangSanfeng'])
    expect(await found('张 武当')).toEqual(['zhangSanfeng'])
    expect(await found('李四 武当')).toEqual([])
  })

  it('does not return a customer merged into another; their phone finds the one kept', async () => {
    expect(await found('赵六')).toEqual([])
    expect(await found('zl')).toEqual([])
    expect(await found('18600001111')).toEqual(['zhangSan'])
    expect(await found('')).toEqual(['liSi', 'wangWu', 'zengXiaoxian', 'zhangSan', 'zhangSanfeng'])
  })

  it('takes LIKE wildcards literally and pages with the full total', async () => {
    expect(await found('%')).toEqual([])
    expect(await found('_')).toEqual([])
    const first = await callOk(app, 'customers.search', { query: '', page: 1, pageSize: 2 }, token)
    const third = await callOk(app, 'customers.search', { query: '', page: 3, pageSize: 2 }, token)
    expect([first.total, first.rows.length, third.total, third.rows.length]).toEqual([5, 2, 5, 1])
  })
})

describe('phone-tail search at intake', () => {
  let app: AppContext
  let token: string

  beforeAll(async () => {
    ;({ app, adminToken: token } = await initializedApp())
  })
  afterAll(async () => {
    await closeApp(app)
  })

  it('ranks numbers ending with the typed digits above numbers that merely contain them', async () => {
    // Created first, so by the plain order (newest change first) it would come last.
    const endsWith = await callOk(app, 'customers.create', { name: '钱七', mobile: '13912348000' }, token)
    const contains = await callOk(app, 'customers.create', { name: '孙八', mobile: '13880001234' }, token)
    const otherEnds = await callOk(app, 'customers.create', { name: '周九', otherPhones: ['021-5555 8000'] }, token)
    const rows = (await callOk(app, 'customers.search', { query: '8000' }, token)).rows.map((row) => row.id)
    expect(rows).toEqual([otherEnds.id, endsWith.id, contains.id])
    // A name query keeps the plain order.
    const byName = await callOk(app, 'customers.search', { query: '钱' }, token)
    expect(byName.rows.map((row) => row.id)).toEqual([endsWith.id])
  })
})
