import type { Component } from 'vue'

/**
 * One button of a page's or a card's row of actions, declared as data: what it says, its icon
 * and look, the data-test name the tests find it by, whether it shows (a right, a state) and
 * what it does.
 */
export interface PageAction {
  label: string
  run: () => unknown
  test?: string
  icon?: Component
  type?: 'primary' | 'danger' | 'warning' | 'success'
  plain?: boolean
  loading?: boolean
  /** Shown but greyed out (nothing chosen yet, nothing to act on). */
  disabled?: boolean
  /** Left out when false (the user may not, or it does not apply now). */
  shown?: boolean
}
