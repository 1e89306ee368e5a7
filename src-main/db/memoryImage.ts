import BetterSqlite3 from 'better-sqlite3'
import type { Migration } from './migration'
import { migrate } from './migrator'

const images = new WeakMap<readonly Migration[], Buffer>()

/**
 * An empty database at the schema these migrations make, as bytes a throwaway in-memory shop
 * (the unit tests' shops) opens a copy of. Running every step for each one took about half a
 * second, mostly for the steps that rebuild a table (SQLite re-reads the whole schema for each
 * rename); here they run once per process. The copy still passes through migrate(), which checks
 * every recorded step against the app's.
 */
export function migratedImage(migrations: readonly Migration[]): Buffer {
  let image = images.get(migrations)
  if (!image) {
    const scratch = new BetterSqlite3(':memory:')
    try {
      scratch.pragma('foreign_keys = ON')
      migrate(scratch, migrations)
      image = scratch.serialize()
    } finally {
      scratch.close()
    }
    images.set(migrations, image)
  }
  return image
}
