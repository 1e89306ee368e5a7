import { describe, expect, it } from 'vitest'
import { formValuesOf } from '../../../../src-renderer/ui/formValues'

const BLANK = { name: '', phone: '', tags: [] as string[], active: true }

describe('formValuesOf', () => {
  it('starts a new record from the blank values, with lists of its own', () => {
    const values = formValuesOf(BLANK, null)
    values.tags.push('vip')

    expect(values).toEqual({ name: '', phone: '', tags: ['vip'], active: true })
    expect(BLANK.tags).toEqual([])
  })

  it('takes what the record holds, the blank value where it holds nothing, and none of its other fields', () => {
    const record = { id: 'c1', name: 'Li Lei', phone: null, tags: ['dealer'], active: false }
    const values = formValuesOf(BLANK, record)
    values.tags.push('vip')

    expect(values).toEqual({ name: 'Li Lei', phone: '', tags: ['dealer', 'vip'], active: false })
    expect(record.tags).toEqual(['dealer'])
  })
})
