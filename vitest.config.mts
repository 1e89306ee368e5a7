import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

/**
 * Test files that change what other files would see if they shared a module graph: the renderer's
 * (happy-dom, Pinia, component mounts), those that mock a module or fake timers, and those whose
 * environment is happy-dom. They run isolated, each file in fresh modules.
 */
const ISOLATED = [
  'tests/unit/renderer/**/*.test.ts',
  'tests/unit/audit/auditActionNames.test.ts',
  'tests/unit/contract/errorKeys.test.ts',
  'tests/unit/workOrders/passcodeRetention.test.ts',
  'tests/unit/backups/restoreFailure.test.ts',
  'tests/unit/backups/failedCopy.test.ts'
]

export default defineConfig({
  // Renderer component tests mount .vue files (each picks happy-dom with a per-file comment).
  plugins: [vue()],
  test: {
    // Cheap password hashes for the throwaway shops (see the file).
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // scrypt hashes are deliberately slow; tests that create users need the headroom, and so do
    // the shop fixtures' set-up hooks on a busy 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: one worker on a 2-core machine. Many
    // files wait on child processes (embedded PostgreSQL, killed shops), on restores and on scrypt,
    // so two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED }
      },
      {
        extends: true,
        // The services' tests each open their own shop and leave no module state behind: they
        // share one module graph per worker, so the app's modules load once per worker rather
        // than once per file (loading them was the largest part of the run).
        test: { name: 'shared', include: ['tests/unit/**/*.test.ts'], exclude: ISOLATED, isolate: false }
      }
    ]
  }
})
