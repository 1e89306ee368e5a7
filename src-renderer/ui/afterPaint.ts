import { onMounted, ref, type Ref } from 'vue'

/**
 * False until the screen has painted once after mounting, then true. A part that is costly to
 * build and not needed at first glance (a date picker's hidden calendars, a table below the fold)
 * is built behind it, in a task of its own: opening the screen never blocks the page for long
 * (issue 11, no frozen screens).
 */
export function useAfterPaint(): Readonly<Ref<boolean>> {
  const painted = ref(false)
  onMounted(() => requestAnimationFrame(() => setTimeout(() => (painted.value = true))))
  return painted
}
