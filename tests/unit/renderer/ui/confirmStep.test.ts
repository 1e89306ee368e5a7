// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'

const asked: unknown[][] = []
let answer: 'confirm' | 'cancel' = 'confirm'
vi.mock('element-plus', () => ({
  ElMessageBox: {
    confirm: (...args: unknown[]) => {
      asked.push(args)
      return answer === 'confirm' ? Promise.resolve('confirm') : Promise.reject(new Error('cancel'))
    }
  }
}))

const { confirmStep } = await import('../../../../src-renderer/ui/confirmStep')

describe('asking before a step that cannot be taken back', () => {
  it('answers true on confirm and false on cancel, with the title only when given', async () => {
    answer = 'confirm'
    expect(await confirmStep({ message: 'Clear?', title: 'Clear', confirm: 'Clear', cancel: 'Cancel' })).toBe(true)
    answer = 'cancel'
    expect(
      await confirmStep({ message: 'Cancel the count?', confirm: 'Cancel it', cancel: 'Keep', type: 'info' })
    ).toBe(false)
    expect(asked).toEqual([
      ['Clear?', 'Clear', { type: 'warning', confirmButtonText: 'Clear', cancelButtonText: 'Cancel' }],
      ['Cancel the count?', { type: 'info', confirmButtonText: 'Cancel it', cancelButtonText: 'Keep' }]
    ])
  })
})
