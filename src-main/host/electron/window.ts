import { app as electronApp, BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export const RENDERER_INDEX = join(__dirname, '../renderer/index.html')
/**
 * Frames loaded from the app's own renderer folder are the only trusted IPC senders (or, in
 * development only, the electron-vite dev server on loopback).
 */
export const APP_URL_PREFIX =
  (!electronApp.isPackaged && process.env.ELECTRON_RENDERER_URL) || pathToFileURL(join(__dirname, '../renderer/')).href

/** The same locked-down settings for every window that shows the renderer. */
export const SECURE_WEB_PREFERENCES = {
  preload: join(__dirname, '../preload/index.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false
} as const

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    webPreferences: SECURE_WEB_PREFERENCES
  })
  lockDownNavigation(window)
  window.once('ready-to-show', () => window.show())
  void loadRenderer(window, '/')
  return window
}

/** Loads the renderer at a route: the dev server in development, the app's own files when built. */
export function loadRenderer(window: BrowserWindow, route: string): Promise<void> {
  // `electron-vite dev` serves the renderer with hot reload; a built app loads its own files.
  const devServerUrl = electronApp.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  if (devServerUrl) return window.loadURL(`${devServerUrl}#${route}`)
  return window.loadFile(RENDERER_INDEX, { hash: route })
}

/** A hidden window that draws one document for the printer; locked down like the main one. */
export function createPrintWindow(): BrowserWindow {
  const window = new BrowserWindow({ show: false, webPreferences: SECURE_WEB_PREFERENCES })
  lockDownNavigation(window)
  return window
}

/** The window shows the app and nothing else: no navigation away, no pop-up windows. */
function lockDownNavigation(window: BrowserWindow): void {
  const contents = window.webContents
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_URL_PREFIX)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_URL_PREFIX)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web (e.g. a courier's tracking page) open in the system browser, never in-app.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
