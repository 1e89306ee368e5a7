import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { CONTENT_SECURITY_POLICY } from './src-shared/security'

/** The same Content-Security-Policy as the shop's page, in the meta tag (frame-ancestors is a header). */
function contentSecurityPolicyMeta(): Plugin {
  const metaPolicy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
  return {
    name: 'content-security-policy-meta',
    transformIndexHtml: (html) => html.replace('%CONTENT_SECURITY_POLICY%', metaPolicy)
  }
}

const here = dirname(fileURLToPath(import.meta.url))

// HQ's network view: its own page, served by src-hq from out/hq-web.
export default defineConfig({
  root: resolve(here, 'src-hq/web'),
  base: '/',
  plugins: [vue(), contentSecurityPolicyMeta()],
  build: { outDir: resolve(here, 'out/hq-web'), emptyOutDir: true, chunkSizeWarningLimit: 2000 }
})
