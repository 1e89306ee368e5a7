// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import ElementPlus, { ElTableColumn } from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import LocalPagedTable from '../../../../src-renderer/ui/LocalPagedTable.vue'

const rowsOf = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `r${index + 1}` }))

/** The table over `count` rows, after the pager's first paint. */
async function tableOf(count: number) {
  const Screen = defineComponent(
    () => () =>
      h(LocalPagedTable, { rows: rowsOf(count), 'data-test': 'whole-list' }, () =>
        h(ElTableColumn, { label: 'id', prop: 'id' })
      )
  )
  const screen = mount(Screen, { attachTo: document.body, global: { plugins: [ElementPlus, i18n] } })
  // The pager is drawn after the first paint (useAfterPaint: a frame, then a task). A frame and a
  // task queued after it run after them, however loaded the machine: a fixed wait did not.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
  await nextTick()
  return screen
}

describe('the table of a list the server sends whole', () => {
  it('draws one page of the rows, with the pager under it', async () => {
    const screen = await tableOf(45)
    expect(screen.find('[data-test=whole-list]').exists()).toBe(true)
    expect(screen.findAll('.el-table__body tr')).toHaveLength(20)
    expect(screen.find('.pager').exists()).toBe(true)
    screen.unmount()
  })

  it('shows no pager while the list fits on one page', async () => {
    const screen = await tableOf(20)
    expect(screen.findAll('.el-table__body tr')).toHaveLength(20)
    expect(screen.find('.pager').exists()).toBe(false)
    screen.unmount()
  })
})
