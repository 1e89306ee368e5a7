import { describe, expect, it } from 'vitest'
import { newestAnswerOf } from '../../../../src-renderer/ui/newestAnswer'

describe('newestAnswerOf', () => {
  it('settles an older search that answers late with the newest answer', async () => {
    const answers = new Map<string, (rows: string[]) => void>()
    const search = newestAnswerOf((query: string) => new Promise<string[]>((resolve) => answers.set(query, resolve)))
    const older = search('sam')
    const newer = search('samsung')
    answers.get('samsung')!(['Samsung A54'])
    answers.get('sam')!(['Samsung A54', 'Samsonite'])
    expect(await newer).toEqual(['Samsung A54'])
    expect(await older).toEqual(['Samsung A54'])
  })

  it('passes a single search through unchanged', async () => {
    const search = newestAnswerOf((page: number, pageSize: number) => Promise.resolve({ page, pageSize }))
    expect(await search(2, 50)).toEqual({ page: 2, pageSize: 50 })
  })
})
