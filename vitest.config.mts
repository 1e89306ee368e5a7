import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // scrypt hashes are deliberately slow; tests that create users need the headroom.
    testTimeout: 20_000,
    pool: 'forks'
  }
})
