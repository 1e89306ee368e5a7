import type { BrowserWindow } from 'electron'
import { PRINT_STANDBY_ROUTE } from '../../../src-shared/domain/paper'
import { createPrintWindow, loadRenderer } from './window'

const RENDER_TIMEOUT_MS = 15_000

/**
 * One hidden print window, kept with the app loaded on the print standby route, into which each
 * document is drawn in turn (print/keptPage.ts in the renderer): a print costs a route change and
 * the document's data, not a new window loading the whole app. Prints take turns. A window that
 * failed (its renderer gone, a document that never finished drawing) is replaced by a fresh one
 * at the next print.
 */
export class KeptPrintWindow {
  private window: Promise<BrowserWindow> | null = null
  private turn: Promise<unknown> = Promise.resolve()

  constructor(private readonly trustWindow: (window: BrowserWindow) => () => void) {}

  /** Loads the window ahead of the first print, so that one is as quick as the next. */
  prepare(): void {
    this.ready().catch((error: unknown) => console.error('[print] the print window did not load', error))
  }

  /** Draws a print route into the window; resolves with the window and the length it measured. */
  render<T>(route: string, then: (window: BrowserWindow, pageHeightMm: number) => Promise<T>): Promise<T> {
    const job = this.turn.then(async () => {
      const window = await this.ready()
      try {
        const drawn = (await withTimeout(
          window.webContents.executeJavaScript(`window.serviceCenterPrintPage.render(${JSON.stringify(route)})`),
          RENDER_TIMEOUT_MS
        )) as { pageHeightMm: number }
        return await then(window, drawn.pageHeightMm)
      } catch (error) {
        // Not knowing what state it is in, the next print starts from a fresh window.
        if (!(error instanceof DocumentNotDrawn)) this.discard(window)
        throw error
      }
    })
    this.turn = job.catch(() => undefined)
    return job
  }

  /** Closes the window (the app is quitting: a hidden window must not keep it alive). */
  dispose(): void {
    const current = this.window
    this.window = null
    void current?.then((window) => window.destroy()).catch(() => undefined)
  }

  private ready(): Promise<BrowserWindow> {
    if (this.window) return this.window
    const window = createPrintWindow()
    const untrust = this.trustWindow(window)
    const loading = loadRenderer(window, PRINT_STANDBY_ROUTE).then(
      () => window,
      (error: unknown) => {
        window.destroy()
        throw error
      }
    )
    window.on('closed', () => {
      untrust()
      if (this.window === loading) this.window = null
    })
    window.webContents.on('render-process-gone', () => this.discard(window))
    this.window = loading
    // A window that failed to load is not kept: the next print tries again.
    loading.catch(() => {
      if (this.window === loading) this.window = null
    })
    return loading
  }

  private discard(window: BrowserWindow): void {
    if (!window.isDestroyed()) window.destroy()
  }
}

/** The renderer said the document could not be drawn (its data refused, say): the window is fine. */
class DocumentNotDrawn extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the document did not finish drawing')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        const message = error instanceof Error ? error.message : String(error)
        reject(message.includes('could not be drawn') ? new DocumentNotDrawn(message) : error)
      }
    )
  })
}
