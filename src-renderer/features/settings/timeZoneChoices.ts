import { choicesOf, type Choice } from '../../ui/choices'

/** A zone's everyday name in the reader's language ("中国标准时间"), or its code where there is none. */
function zoneName(zone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts()
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone
}

/**
 * The shop's time-zone choices named in the reader's language with the code after it,
 * "中国标准时间（Asia/Shanghai）": the bare code means little at the counter, and the code still
 * tells two zones of one name apart.
 */
export function timeZoneChoices(locale: string, zones: readonly string[] = Intl.supportedValuesOf('timeZone')) {
  const chinese = locale.startsWith('zh')
  return choicesOf(zones, (zone) => {
    const name = zoneName(zone, locale)
    if (name === zone) return zone
    return chinese ? `${name}（${zone}）` : `${name} (${zone})`
  }) satisfies Choice<string>[]
}
