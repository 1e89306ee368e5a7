/**
 * One line of RFC 4180 CSV into its fields: commas separate, double quotes wrap a field that
 * holds commas or quotes, a doubled quote inside is one quote. Fields spanning lines are not
 * expected in a registry export and are refused by the caller's row check.
 */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field.replace(/\r$/, ''))
  return fields
}
