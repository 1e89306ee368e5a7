// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import ElementPlus, { ElTable, ElTableColumn, ElTag } from 'element-plus'
import CellTag from '../../../../src-renderer/ui/CellTag.vue'

describe('a status tag in a table cell', () => {
  it('looks like el-tag: the same classes and content', () => {
    const props = { type: 'warning', size: 'small', effect: 'dark' } as const
    const light = mount(CellTag, { props, slots: { default: '待返还' } })
    const element = mount(ElTag, { props: { ...props, disableTransitions: true }, slots: { default: '待返还' } })
    expect(light.classes().sort()).toEqual(element.classes().sort())
    expect(light.find('.el-tag__content').text()).toBe(element.find('.el-tag__content').text())
  })

  it('is drawn once per row, not again as a hidden nested column', async () => {
    const Table = defineComponent(
      () => () =>
        h(ElTable, { data: [{ status: 'packed' }] }, () =>
          h(ElTableColumn, { label: 'status' }, { default: () => h(CellTag, { 'data-test': 'tag' }, () => '已装箱') })
        )
    )
    const table = mount(Table, { attachTo: document.body, global: { plugins: [ElementPlus] } })
    await vi.waitFor(() => expect(table.findAll('[data-test=tag]').length).toBeGreaterThan(0), { timeout: 5_000 })
    expect(table.findAll('[data-test=tag]')).toHaveLength(1)
    table.unmount()
  })
})
