import type { AccessoriesLeft, ArrivalCondition } from '../../../src-shared/contract'

type Translate = (key: string) => string

/** The marks the desk can tick; the serial or card not matching the unit voids its warranty. */
const MARKS = ['scratches', 'cracks', 'liquidMarks', 'serialMismatch'] as const

/**
 * The device's condition at check-in in words, as the job page and the claim receipt show it.
 * No box ticked is not a finding: the paper says no marks were recorded, never that the device is
 * intact, which the shop would then have certified without looking.
 */
export function describeCondition(condition: ArrivalCondition, t: Translate): string {
  const marks = MARKS.filter((mark) => condition[mark] === true)
  const text = marks.length
    ? marks.map((mark) => t(`condition.${mark}`)).join(t('common.listSeparator'))
    : t('condition.noneRecorded')
  return condition.note ? `${text}${t('common.clauseSeparator')}${condition.note}` : text
}

/** What came with the device, in words, as the job page and the claim receipt both show it: 无 when nothing. */
export function describeAccessories(accessories: AccessoriesLeft, t: Translate): string {
  return (
    [...accessories.items.map((item) => t(`accessory.${item}`)), accessories.note]
      .filter(Boolean)
      .join(t('common.listSeparator')) || t('condition.noAccessories')
  )
}
