import { describe, expect, it } from 'vitest'
import { backupStanding } from '../../../src-shared/domain/backupStanding'

describe('how the backups stand', () => {
  it('is healthy with no problem at all', () => {
    expect(backupStanding([])).toEqual({ standing: 'healthy', problems: [] })
  })

  it('is only a warning when the one problem is a copy dated in the future: the daily copies go on', () => {
    expect(backupStanding(['copyFromFuture'])).toEqual({ standing: 'warning', problems: ['copyFromFuture'] })
  })

  it('is failing when the copies are at risk, each problem kept in the server’s order', () => {
    expect(backupStanding(['neverBackedUp'])).toEqual({ standing: 'failing', problems: ['neverBackedUp'] })
    expect(backupStanding(['stale', 'lastCopyFailed', 'lowSpace'])).toEqual({
      standing: 'failing',
      problems: ['stale', 'lastCopyFailed', 'lowSpace']
    })
  })

  it('tells what puts the copies at risk before a warning, whatever order the server found them in', () => {
    expect(backupStanding(['lastCopyFailed', 'copyFromFuture', 'folderMissing'])).toEqual({
      standing: 'failing',
      problems: ['lastCopyFailed', 'folderMissing', 'copyFromFuture']
    })
  })
})
