import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const DATA_DIR_ENV = 'SERVICE_CENTER_DATA_DIR'
const APP_FOLDER = 'Service Center'

/**
 * The per-user application-data folder, the same one Electron's `userData` points at, so the
 * desktop app and browser mode share one database by default.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

/** `--data-dir <path>` (or `--data-dir=<path>`) wins, then the environment, then the default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const flagValue = readFlag(argv, '--data-dir')
  if (flagValue) return resolve(flagValue)
  if (env[DATA_DIR_ENV]) return resolve(env[DATA_DIR_ENV])
  return fallback
}

export function readFlag(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === flag) return argv[i + 1]
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}
