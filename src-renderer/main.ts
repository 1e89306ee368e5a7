import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { installKeptPrintPage } from './print/keptPage'
import { i18n } from './i18n'
import { vFocusFirst } from './ui/focus'
import { keepCaretClearOfActions } from './ui/caretClearOfActions'
import { elementPlus, loadAppComponents } from './ui/elementPlus'
import './ui/app.css'
import './ui/utilities.css'
import { dropKeptIntakeDraft } from './features/repairs/keptIntakeDraft'

// A check-in kept at this desk through a closed app is not kept past its time, whoever signs in next.
dropKeptIntakeDraft(true)

createApp(App)
  .use(createPinia())
  .use(i18n)
  .use(elementPlus)
  .use(router)
  .directive('focus-first', vFocusFirst)
  .mount('#app')
keepCaretClearOfActions(document)
// A window opened on the print standby route draws documents into itself on request.
installKeptPrintPage(router)

// The rest of Element Plus is fetched once the first screen has painted, so signing in does not
// wait for it (the router waits for it before any page but sign-in).
void router.isReady().then(() => requestIdleCallback(() => void loadAppComponents(), { timeout: 2000 }))
