import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, filesUnder, repoPath } from './sourceImports'

/**
 * Whether the text at `at` lies inside the parentheses of an `askInMessageBox(` call that opens
 * before it (string contents are not told apart: the calls these files make hold no stray brackets).
 */
function insideAskInMessageBox(source: string, at: number): boolean {
  const opened = source.lastIndexOf('askInMessageBox(', at)
  if (opened === -1) return false
  let depth = 0
  for (let index = opened + 'askInMessageBox'.length; index < at; index++) {
    if (source[index] === '(') depth++
    else if (source[index] === ')') depth--
    if (depth === 0) return false
  }
  return depth > 0
}

describe('message boxes', () => {
  it('are every one asked through askInMessageBox, so a late answer on the page never takes the caret from under one', () => {
    const unregistered = filesUnder(join(ROOT, 'src-renderer'), ['.ts', '.vue']).flatMap((file) => {
      const source = readFileSync(file, 'utf8')
      return [...source.matchAll(/ElMessageBox\.(confirm|alert|prompt)\(/g)]
        .filter((call) => !insideAskInMessageBox(source, call.index))
        .map((call) => `${repoPath(file)}: ${call[0]}`)
    })
    expect(unregistered).toEqual([])
  })
})
