import { sql, type Expression, type SqlBool } from 'kysely'

/** The text with LIKE's wildcards (and the escape character) taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** `%text%` with LIKE's wildcards in the text taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`
}

/** `text%` with LIKE's wildcards in the text taken literally. */
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** column LIKE pattern, with backslash as the escape character the patterns above use. */
export function like(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`
}
