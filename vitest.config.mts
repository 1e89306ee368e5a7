import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  // Component tests under tests/unit/renderer mount .vue files (each asks for happy-dom itself).
  plugins: [vue()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // scrypt hashes are deliberately slow; tests that create users need the headroom.
    testTimeout: 20_000,
    pool: 'forks'
  }
})
