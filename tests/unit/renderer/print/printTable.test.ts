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
})
