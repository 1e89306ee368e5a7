import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Renderer component tests mount .vue files (each picks happy-dom with a per-file comment).
  plugins: [vue()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
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
    maxWorkers: 2
  }
})
