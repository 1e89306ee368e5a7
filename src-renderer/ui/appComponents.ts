import type { Component, Directive, Plugin } from 'vue'
import {
  ElAside,
  ElBadge,
  ElCheckbox,
  ElCheckboxGroup,
  ElCol,
  ElContainer,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElDropdown,
  ElDropdownItem,
  ElDropdownMenu,
  ElEmpty,
  ElHeader,
  ElIcon,
  ElInputNumber,
  ElLink,
  ElLoadingDirective,
  ElMain,
  ElMenu,
  ElMenuItem,
  ElMenuItemGroup,
  ElMessageBox,
  ElPagination,
  ElProgress,
  ElRadio,
  ElRadioButton,
  ElRadioGroup,
  ElResult,
  ElRow,
  ElStatistic,
  ElSwitch,
  ElTabPane,
  ElTable,
  ElTableColumn,
  ElTabs,
  ElTag,
  ElTimeSelect,
  ElTimeline,
  ElTimelineItem,
  ElTooltip
} from 'element-plus'

/**
 * The Element Plus components the app's pages use beyond those of the sign-in screen
 * (elementPlus.ts), loaded as one chunk after sign-in has painted. Keep in step with the
 * templates: tests/unit/renderer/elementPlusComponents.test.ts lists any `<el-…>` tag missing here.
 */
export const appComponents: Record<string, Component> = {
  ElAside,
  ElBadge,
  ElCheckbox,
  ElCheckboxGroup,
  ElCol,
  ElContainer,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElDropdown,
  ElDropdownItem,
  ElDropdownMenu,
  ElEmpty,
  ElHeader,
  ElIcon,
  ElInputNumber,
  ElLink,
  ElMain,
  ElMenu,
  ElMenuItem,
  ElMenuItemGroup,
  ElPagination,
  ElProgress,
  ElRadio,
  ElRadioButton,
  ElRadioGroup,
  ElResult,
  ElRow,
  ElStatistic,
  ElSwitch,
  ElTabPane,
  ElTable,
  ElTableColumn,
  ElTabs,
  ElTag,
  ElTimeSelect,
  ElTimeline,
  ElTimelineItem,
  ElTooltip
}

/** `v-loading` on tables and cards. */
export const appDirectives: Record<string, Directive> = { loading: ElLoadingDirective }

/** Confirmation boxes open in the app's context, as the whole library's install arranged. */
export const appPlugins: Plugin[] = [ElMessageBox]
