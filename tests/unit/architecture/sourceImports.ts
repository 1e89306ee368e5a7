import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

/** The repository root, from this file's place in tests/unit/architecture. */
export const ROOT = resolve(__dirname, '../../..')

/** Every file under `dir` (absolute) whose name ends with one of `extensions`. */
export function filesUnder(dir: string, extensions: string[] = ['.ts']): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path, extensions)
    return extensions.some((extension) => name.endsWith(extension)) ? [path] : []
  })
}

/** The module specifiers a source file imports or re-exports (static and dynamic). */
export function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const found = [
    ...source.matchAll(/\bfrom\s+'([^']+)'/g),
    ...source.matchAll(/\bimport\s+'([^']+)'/g),
    ...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)
  ]
  return found.map((match) => match[1] ?? '')
}

/** A relative specifier resolved to a repository path with forward slashes (no extension added). */
export function resolveImport(file: string, specifier: string): string {
  return relative(ROOT, resolve(dirname(file), specifier))
    .split(sep)
    .join('/')
}

/** A file's path relative to the repository root, with forward slashes. */
export function repoPath(file: string): string {
  return relative(ROOT, file).split(sep).join('/')
}
