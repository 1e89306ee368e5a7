import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './src-shared/security'
import { APP_RELEASE } from './src-main/app/release'

/** Writes the one shared Content-Security-Policy into index.html's meta tag. */
function contentSecurityPolicyMeta(): Plugin {
  // frame-ancestors only works as a header, and browsers warn about it in a meta tag.
  const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'content-security-policy-meta',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', metaPolicy)
  }
}

// The top-level folders are not electron-vite's defaults, so every entry is named here.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // Electron shell
          index: resolve(__dirname, 'src-main/index.ts'),
          // Browser mode: the same handlers over HTTP, in plain Node
          web: resolve(__dirname, 'src-main/host/web/cli.ts')
          // The demo shop generator is not built here: it lives in tools/ and runs with tsx, so
          // the installers never carry it (nor its known password).
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/host/electron/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [vue(), contentSecurityPolicyMeta()],
    // A browser desk names the release its page was built as (api/transport.ts).
    define: { __APP_RELEASE__: JSON.stringify(APP_RELEASE) },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; the page's JavaScript is parsed before the
      // sign-in form paints, so it is minified (Vite's own oxc minifier, CSS by lightningcss).
      // The main process and preload stay readable: test:shell reads their settings as written.
      minify: 'oxc',
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') }
    }
  }
})
