import type { BackupProblem } from '../contract/backups'

type Problem = Exclude<BackupProblem, 'none'>

/**
 * Problems that leave the shop its copies: a copy dated in the future (the PC's clock once ran
 * ahead) says nothing true about when the last copy was taken, but the daily copies go on and are
 * kept. Every other problem means a disaster today could find no recent copy to restore.
 */
const WARNINGS: ReadonlySet<Problem> = new Set<Problem>(['copyFromFuture'])

/** All well; only warnings; or something that puts the copies themselves at risk. */
export type BackupStanding = 'healthy' | 'warning' | 'failing'

export interface BackupStandingOfProblems {
  standing: BackupStanding
  /** The same problems, the one to tell first at the head: those putting the copies at risk before the warnings. */
  problems: Problem[]
}

/**
 * How the backups stand, given every problem the server found (in its order). A warning never
 * heads the list while something worse is wrong: the manager reads the first problem first.
 */
export function backupStanding(problems: readonly Problem[]): BackupStandingOfProblems {
  const risks = problems.filter((problem) => !WARNINGS.has(problem))
  const warnings = problems.filter((problem) => WARNINGS.has(problem))
  const standing: BackupStanding = risks.length > 0 ? 'failing' : warnings.length > 0 ? 'warning' : 'healthy'
  return { standing, problems: [...risks, ...warnings] }
}
