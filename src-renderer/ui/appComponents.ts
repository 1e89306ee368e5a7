import type { Component, Directive, Plugin } from 'vue'
import { ElLoadingDirective, ElMessageBox } from 'element-plus'
import * as componentList from './appComponentList'

/** Every component of appComponentList.ts, by its export name (the name templates use). */
export const appComponents: Record<string, Component> = { ...componentList }

/** `v-loading` on tables and cards. */
export const appDirectives: Record<string, Directive> = { loading: ElLoadingDirective }

/** Confirmation boxes open in the app's context, as the whole library's install arranged. */
export const appPlugins: Plugin[] = [ElMessageBox]
