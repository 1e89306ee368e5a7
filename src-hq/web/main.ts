import { createApp } from 'vue'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { hqMessages } from './messages'

const language = localStorage.getItem('hq.language') === 'en' ? 'en' : 'zh-CN'

export const i18n = createI18n({ legacy: false, locale: language, fallbackLocale: 'zh-CN', messages: hqMessages })

createApp(App).use(i18n).use(ElementPlus).mount('#app')
