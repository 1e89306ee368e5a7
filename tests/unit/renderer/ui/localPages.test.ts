import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useLocalPages } from '../../../../src-renderer/ui/localPages'

describe('a list the server sends whole is drawn one page at a time', () => {
  const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1)

  it('draws only the rows of the page shown, with the full total for the pager', async () => {
    const rows = ref(numbers(1234))
    const { pageRows, pager } = useLocalPages(() => rows.value)
    // 20 rows a page unless told otherwise: about what the screen shows.
    expect(pageRows.value).toEqual(numbers(20))
    expect(pager.total).toBe(1234)
    await pager.showPage(62)
    // The last page holds what is left: 1221 to 1234.
    expect(pageRows.value).toEqual(numbers(14).map((n) => n + 1220))
    await pager.resize(100)
    expect([pager.page, pageRows.value.length, pageRows.value[0]]).toEqual([1, 100, 1])
  })

  it('keeps the page inside a list that got shorter', async () => {
    const rows = ref(numbers(300))
    const { pageRows, pager } = useLocalPages(() => rows.value, 50)
    await pager.showPage(6)
    rows.value = numbers(120)
    await nextTick()
    expect(pager.page).toBe(3)
    expect(pageRows.value).toEqual(numbers(20).map((n) => n + 100))
  })
})
