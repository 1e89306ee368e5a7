import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

/**
 * A CPU profile of one stretch of a benchmark, taken in-process so the seeding before it stays
 * out of the samples. The file opens in Chrome DevTools (Performance › Load profile).
 */
export async function startCpuProfile(): Promise<{ saveTo(file: string): Promise<void> }> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  // Finer than the default 1 ms: an issue takes about that long.
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  return {
    async saveTo(file) {
      const { profile } = await session.post('Profiler.stop')
      writeFileSync(file, JSON.stringify(profile))
      session.disconnect()
      console.log(`  CPU profile of the timed issues: ${file}`)
    }
  }
}
