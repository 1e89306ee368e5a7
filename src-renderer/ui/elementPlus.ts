import type { App, Component, Plugin } from 'vue'
import { ElMessage } from 'element-plus'
import * as signInComponentList from './signInComponentList'
// Types only: the module itself is fetched on demand below.
import type * as AppComponentsModule from './appComponents'

/**
 * Element Plus, registered by the component rather than whole (issue 17, first paint): the
 * components the sign-in screen draws (signInComponentList.ts) come with the page's first script;
 * every other component the app's templates use is in appComponentList.ts, a chunk of its own
 * that the router waits for before any other page and that is fetched in the background once
 * sign-in has painted.
 * A new `<el-…>` tag in a template needs its component added there
 * (tests/unit/renderer/elementPlusComponents.test.ts finds the ones missing).
 */
export const signInComponents: Record<string, Component> = { ...signInComponentList }

let app: App | undefined
let appComponentsFetched: Promise<typeof AppComponentsModule> | undefined
let appComponentsLoaded: Promise<void> | undefined

function register(target: App, components: Record<string, Component>): void {
  // app.component rather than app.use: sub-components such as ElTableColumn install nothing.
  for (const [name, component] of Object.entries(components)) {
    if (!target.component(name)) target.component(name, component)
  }
}

export const elementPlus: Plugin = {
  install(target: App) {
    app = target
    register(target, signInComponents)
    // As the whole library's install did: messages open in the app's context.
    target.use(ElMessage)
  }
}

/** Fetches the chunk of the rest of the app's components (without registering them yet). */
export function fetchAppComponents(): Promise<typeof AppComponentsModule> {
  appComponentsFetched ??= import('./appComponents')
  return appComponentsFetched
}

/** Registers the rest of the app's components (and v-loading), once; later calls share the load. */
export function loadAppComponents(): Promise<void> {
  appComponentsLoaded ??= fetchAppComponents().then(({ appComponents, appDirectives, appPlugins }) => {
    if (!app) throw new Error('elementPlus plugin not installed')
    register(app, appComponents)
    for (const plugin of appPlugins) app.use(plugin)
    for (const [name, directive] of Object.entries(appDirectives)) app.directive(name, directive)
  })
  return appComponentsLoaded
}
