import { onMounted } from 'vue'
import { useLiveRefresh } from '../api/useLiveRefresh'
import { showError } from './errors'

/** What else makes a screen load again by itself. */
export interface ScreenLoadOptions {
  /** Entities another desk changes: a change to one of them loads again (see useLiveRefresh). */
  refreshOn?: readonly string[]
}

/**
 * A screen's (or panel's) data: loaded when it is shown, with a failure shown as a message, and,
 * with `refreshOn`, loaded again while it stays open whenever another desk changes what it shows;
 * a failure then is left to the connection banner. Returns the same load, its failure shown, for
 * a refresh button or a changed filter.
 */
export function useScreenLoad(load: () => Promise<unknown>, options: ScreenLoadOptions = {}): () => Promise<void> {
  const reload = () => load().then(() => undefined, showError)
  onMounted(reload)
  if (options.refreshOn) useLiveRefresh(options.refreshOn, load)
  return reload
}
