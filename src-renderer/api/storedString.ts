/**
 * One string kept in the browser's storage under `key`: `session` storage lasts while the window
 * is open (a reload keeps it), `local` storage across restarts. Saving nothing removes it.
 */
export function storedString(kind: 'session' | 'local', key: string) {
  const storage = () => (kind === 'session' ? sessionStorage : localStorage)
  return {
    read: (): string | undefined => storage().getItem(key) ?? undefined,
    save: (value: string | undefined): void => {
      if (value) storage().setItem(key, value)
      else storage().removeItem(key)
    }
  }
}
