import { phoneQueryDigits } from './searchText'

// Search as you type answered by FTS5 trigram indexes (the migrations customerSearchFts,
// workOrderSearchFts and partSearchFts lay the indexed text out). Every word of a search text is indexed as ^^word$$, so besides "contains"
// (three characters or more) the trigram index can also answer "starts with" (^^w, ^^wo) and
// "ends with" (w$$, wo$) for the one- and two-character keystrokes a plain trigram cannot.

/** An FTS5 string: double quotes inside are doubled. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/** The words a query asks for, lower case; a query that looks like a phone number is one word of its digits. */
export function queryWords(query: string): string[] {
  const trimmed = query.trim().toLowerCase()
  if (trimmed === '') return []
  const digits = phoneQueryDigits(trimmed)
  const words = digits !== null ? [digits] : trimmed.split(/\s+/)
  return words.filter(Boolean)
}

/** The words of a query, lower case, as typed (parts: numbers and names, no phone reading). */
export function plainWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean)
}

/**
 * One word as an FTS5 expression over the indexed text: anywhere in a word once it has three
 * characters (a trigram), else at the start or the end of a word (a name's first character, the
 * first letters of its initials, a phone's last digit or two).
 */
export function wordMatch(word: string): string {
  if ([...word].length >= 3) return phrase(word)
  return `(${phrase(`^^${word}`)} OR ${phrase(`${word}$$`)})`
}

/** Every word must match, each in the given column when one is named. */
export function allWordsMatch(words: string[], column?: string): string | null {
  if (words.length === 0) return null
  const scoped = (expression: string) => (column ? `${column} : ${expression}` : expression)
  return words.map((word) => scoped(wordMatch(word))).join(' AND ')
}

/** Words that start with the text (a work-order number or serial typed from its start). */
export function startsWithMatch(text: string, column: string): string | null {
  const cleaned = text.trim().toLowerCase()
  return cleaned === '' ? null : `${column} : ${phrase(`^^${cleaned}`)}`
}

/**
 * Words that hold the text anywhere (a number or serial typed from its middle): from three
 * characters, a trigram; one typed word only, as numbers and serials have no spaces.
 */
export function containsMatch(text: string, column: string): string | null {
  const cleaned = text.trim().toLowerCase()
  return [...cleaned].length >= 3 && !/\s/.test(cleaned) ? `${column} : ${phrase(cleaned)}` : null
}

/** Words that end with these digits: the desk reads out the last digits of a phone. */
export function endsWithMatch(digits: string): string {
  return phrase(`${digits}$$`)
}

/** A word that is exactly this text. */
export function exactWordMatch(text: string): string {
  return phrase(`^^${text}$$`)
}
