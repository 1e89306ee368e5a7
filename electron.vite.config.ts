import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

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
          web: resolve(__dirname, 'src-main/host/web/cli.ts'),
          // Demo shop generator
          demo: resolve(__dirname, 'src-main/tools/demo.ts')
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
    plugins: [vue()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') }
    }
  }
})
