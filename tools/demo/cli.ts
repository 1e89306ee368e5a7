import { resolve } from 'node:path'
import { readFlag, resolveDataDir } from '../../src-main/app/dataDir'
import { FULL_HISTORY, generateDemo, scaledHistory } from './generate'

/**
 * `npm run demo -- --data-dir <folder> [--scale <fraction>]`: the demo shop in a fresh folder
 * (see generate.ts). --scale makes a smaller history (its share of the customers and jobs), for
 * a quick look or a test.
 */
async function main(): Promise<void> {
  const started = performance.now()
  const dataDir = resolveDataDir(process.argv, process.env, resolve('demo-data'))
  const scale = readFlag(process.argv, '--scale')
  await generateDemo(dataDir, scale === undefined ? FULL_HISTORY : scaledHistory(Number(scale)))
  console.log(
    `Start it with: npm run web -- --data-dir "${dataDir}"   (${((performance.now() - started) / 1000).toFixed(0)} s)`
  )
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
