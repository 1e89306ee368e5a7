import type { RestoreKept } from '../../../src-shared/contract/backups'

/** A copy's size as people read it: megabytes with one decimal, kilobytes below one megabyte. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

const KEPT_PARTS = ['passwords', 'accounts', 'revokedDesks'] as const

/**
 * What a restore kept from before it (passwords, accounts and desk revocations changed after the
 * copy), in one sentence for the admin; empty when it kept nothing.
 */
export function keptSentence(kept: RestoreKept, t: (key: string, values?: Record<string, unknown>) => string): string {
  const parts = KEPT_PARTS.filter((part) => kept[part].length > 0).map((part) =>
    t(`backups.kept.${part}`, { names: kept[part].join(t('backups.kept.names')) })
  )
  return parts.length === 0 ? '' : t('backups.kept.intro') + parts.join(t('backups.kept.separator'))
}
