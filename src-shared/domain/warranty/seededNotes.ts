/**
 * The notes the migrations wrote on the policy versions they seeded at first start (ids
 * `default-<category>` and `legal-minimum-<category>`), in the shop's first language. A note
 * is data a manager or the HQ registry may change later; while a seeded version still carries
 * the note it was seeded with, it is the app's own wording, and a screen shows it in the
 * reader's language (the i18n key below) instead of the stored Chinese.
 */
const SEEDED_NOTES = [
  { idPrefix: 'default-', note: '三包规定默认', key: 'regulationDefaults' },
  { idPrefix: 'legal-minimum-', note: '国家三包法定最低标准', key: 'legalMinimum' }
] as const

export type SeededPolicyNote = (typeof SEEDED_NOTES)[number]['key']

/** Which seeded note a version carries unedited, or null for a note someone wrote (or changed). */
export function seededPolicyNote(id: string, note: string): SeededPolicyNote | null {
  return SEEDED_NOTES.find((seeded) => id.startsWith(seeded.idPrefix) && note === seeded.note)?.key ?? null
}
