// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PrintTable from '../../../../src-renderer/print/PrintTable.vue'

describe('PrintTable', () => {
  it('prints the headings, then a row of cells each, amounts at the right and codes in monospace', () => {
    const table = mount(PrintTable, {
      props: {
        columns: [{ label: 'Part' }, { label: 'Number', mono: true }, { label: 'Qty', amount: true }],
        rows: [
          ['Screen', 'SCR-1', '1'],
          ['Battery', 'BAT-2', '2']
        ],
        rowTest: 'part-row'
      }
    })
    expect(table.findAll('th').map((th) => th.text())).toEqual(['Part', 'Number', 'Qty'])
    expect(table.findAll('th')[2]!.classes()).toEqual(['p-amount'])
    const rows = table.findAll('[data-test=part-row]')
    expect(rows.map((row) => row.findAll('td').map((td) => td.text()))).toEqual([
      ['Screen', 'SCR-1', '1'],
      ['Battery', 'BAT-2', '2']
    ])
    expect(rows[0]!.findAll('td').map((td) => td.classes())).toEqual([[], ['p-mono'], ['p-amount']])
  })

  it('prints a cell of several values one under another, and lets a long code break where it must', () => {
    const table = mount(PrintTable, {
      props: {
        columns: [{ label: 'Part' }, { label: 'Serials', mono: true, breakAnywhere: true }],
        rows: [['Board', ['MBSN2026P001', 'MBSN2026P002']]]
      }
    })
    const cells = table.findAll('td')
    expect(cells[0]!.findAll('div')).toHaveLength(0)
    expect(cells[1]!.findAll('div').map((line) => line.text())).toEqual(['MBSN2026P001', 'MBSN2026P002'])
    expect(cells[1]!.classes()).toEqual(['p-mono', 'break-anywhere'])
  })
})
