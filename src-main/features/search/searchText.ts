import { pinyin } from 'pinyin-pro'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { containsPattern } from '../../db/like'

// Text search every feature's search-as-you-type shares: customers, parts and the work-order list.

/**
 * Pinyin initials of a Chinese name, e.g. 张三丰 -> zsf. Surnames with a special reading
 * (曾 zeng, 单 shan) are read as surnames, and the plain reading is kept as well so either
 * way of typing finds the customer.
 */
export function pinyinInitials(name: string): string[] {
  const read = (surname: 'head' | 'off') =>
    pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname, nonZh: 'removed' })
      .join('')
      .toLowerCase()
  return [...new Set([read('head'), read('off')])].filter((initials) => initials !== '')
}

/**
 * A typed query as LIKE patterns, one per word, all of which must match. A query that looks
 * like a phone number is compared by its digits as phones are stored, so "138 0013" and
 * "+86 138 0013 8000" find 13800138000.
 */
export function searchPatterns(query: string): string[] {
  const trimmed = query.trim().toLowerCase()
  if (trimmed === '') return []
  const phone = phoneQueryDigits(trimmed)
  const words = phone !== null ? [phone] : trimmed.split(/\s+/)
  return words.filter(Boolean).map(containsPattern)
}

/** The digits of a query typed as a phone number (digits and phone punctuation only), else null. */
export function phoneQueryDigits(query: string): string | null {
  const trimmed = query.trim()
  return /^[\d\s+\-()]+$/.test(trimmed) ? normalizePhone(trimmed) : null
}

/**
 * A LIKE pattern that matches search text where some word ends with these digits: the desk types
 * the last digits of a phone, so numbers ending with them are the likely customer. Search texts
 * are space-separated words; the caller wraps the text in spaces.
 */
export function endsWordPattern(digits: string): string {
  return `${containsPattern(digits).slice(0, -1)} %`
}
