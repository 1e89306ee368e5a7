import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PAPERS, printRoute, type DocumentType, type Paper } from '../../src-shared/domain/paper'
import { expect, type ShopHost } from './fixtures'

/** Where printed documents go as PDF and PNG, for a person to look at. */
export const PRINT_DIR = join('test-results', 'print')

export interface Rendered {
  file: string
  pages: number
  widthPt: number
  heightPt: number
  /** pdftotext's text with all white space taken out (CJK text may come out spaced). */
  text: string
}

/**
 * Opens a document's print route (a fresh page load, as the desktop shell's print window does),
 * checks nothing is clipped or sticks out of the printable area, and renders it to PDF and PNG.
 */
export async function renderDocument(
  page: Page,
  host: ShopHost,
  documentType: DocumentType,
  entityId: string,
  paper: Paper,
  name: string,
  printNumber = 0
): Promise<Rendered> {
  await page.goto('about:blank')
  await page.goto(`${host.url}#${printRoute(documentType, entityId, paper, printNumber)}`)
  await page.locator('body[data-print-ready="1"]').waitFor({ state: 'attached' })
  const problems = await page.evaluate(() => {
    type El = {
      className: unknown
      textContent: string | null
      scrollHeight: number
      clientHeight: number
      scrollWidth: number
      clientWidth: number
      getBoundingClientRect(): { left: number; right: number; width: number; height: number }
      closest(selector: string): unknown
    }
    const doc = globalThis as unknown as {
      document: { querySelector(s: string): El | null; querySelectorAll(s: string): Iterable<El> }
      getComputedStyle(el: El): { paddingLeft: string; paddingRight: string }
    }
    const sheet = doc.document.querySelector('[data-test="print-sheet"]')!
    const style = doc.getComputedStyle(sheet)
    const box = sheet.getBoundingClientRect()
    const left = box.left + parseFloat(style.paddingLeft) - 1
    const right = box.right - parseFloat(style.paddingRight) + 1
    const found: string[] = []
    for (const el of doc.document.querySelectorAll('[data-fit]')) {
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        found.push(`clipped: ${String(el.className)} ${el.scrollHeight}>${el.clientHeight}`)
    }
    for (const el of doc.document.querySelectorAll('[data-test="print-sheet"] *')) {
      if (el.closest('.copy-watermark')) continue
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0) continue
      if (rect.left < left || rect.right > right)
        found.push(
          `outside: ${String(el.className)} "${(el.textContent ?? '').slice(0, 30)}" ${Math.round(rect.left)}..${Math.round(rect.right)} not in ${Math.round(left)}..${Math.round(right)}`
        )
    }
    return found
  })
  expect(problems, `${name}: nothing clipped or outside the paper`).toEqual([])
  const { file, widthMm, text } = await printToPdf(page, name)
  expect(widthMm).toBe(PAPERS[paper].widthMm)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const pageSize = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!
  return {
    file,
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    widthPt: Number(pageSize[1]),
    heightPt: Number(pageSize[2]),
    text
  }
}

/**
 * The print page as it stands, on the paper its body names: a PDF, a PNG of each page for a person
 * to look at, and the PDF's text with all white space taken out.
 */
export async function printToPdf(page: Page, name: string): Promise<{ file: string; widthMm: number; text: string }> {
  await page.emulateMedia({ media: 'print' })
  const size = await page.evaluate(() => {
    const body = (globalThis as unknown as { document: { body: { dataset: Record<string, string | undefined> } } })
      .document.body
    return { width: Number(body.dataset.pageWidthMm), height: Number(body.dataset.pageHeightMm) }
  })
  mkdirSync(PRINT_DIR, { recursive: true })
  const file = join(PRINT_DIR, `${name}.pdf`)
  await page.pdf({
    path: file,
    width: `${size.width}mm`,
    height: `${size.height}mm`,
    printBackground: true,
    preferCSSPageSize: true
  })
  await page.emulateMedia({ media: 'screen' })
  execFileSync('pdftoppm', ['-png', '-r', '150', file, join(PRINT_DIR, name)])
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  return { file, widthMm: size.width, text }
}
