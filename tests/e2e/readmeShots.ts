import type { Page } from '@playwright/test'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { screenshot } from './fixtures'

/**
 * The README's step-by-step pictures of the shop network (docs/shop-network), from the real
 * screens. They are always taken (test-results/screens); they replace the tracked pictures only
 * when asked (`UPDATE_README_SHOTS=1`), so a test run leaves the working tree as it found it.
 */
export async function readmeShot(page: Page, name: string): Promise<void> {
  await screenshot(page, name)
  if (process.env.UPDATE_README_SHOTS !== '1') return
  const dir = join('docs', 'shop-network')
  mkdirSync(dir, { recursive: true })
  copyFileSync(join('test-results', 'screens', `${name}.png`), join(dir, `${name}.png`))
}
