import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { EXPORT_COLUMNS } from '../../../src-shared/contract/parts'
import { MOVEMENT_KINDS, PART_UNITS } from '../../../src-shared/domain/stock'
import { call } from '../../api/client'
import { useBusyAction } from '../../ui/busyAction'
import { saveWorkbook } from '../../ui/download'

/** The lists these screens export (faulty parts owed to the brand are exported from their own screen). */
export type StockExportList = 'catalogue' | 'lowStock' | 'valuation' | 'movements'
type StockColumn = (typeof EXPORT_COLUMNS)[StockExportList][number]

/** Columns written as yuan numbers by the main process; their titles say so. */
const MONEY_COLUMNS: ReadonlySet<string> = new Set([
  'averageCost',
  'sellingPrice',
  'suggestedValue',
  'stockValue',
  'unitCost',
  'value'
])

/**
 * Exports a stock list as an Excel workbook in the reader's language: the sheet title, every
 * column's title and the words for coded values (units, movement kinds) come from here.
 */
export function useStockExport() {
  const { t } = useI18n()
  const { busy: exporting, run } = useBusyAction()

  function columnTitles(list: StockExportList): Record<string, string> {
    const columns: readonly StockColumn[] = EXPORT_COLUMNS[list]
    return Object.fromEntries(
      columns.map((key) => {
        const title = t(`parts.columns.${key}`)
        return [key, MONEY_COLUMNS.has(key) ? t('parts.export.money', { title }) : title]
      })
    )
  }

  function labels(): Record<string, string> {
    return {
      ...Object.fromEntries(PART_UNITS.map((unit) => [`unit.${unit}`, t(`parts.unit.${unit}`)])),
      ...Object.fromEntries(MOVEMENT_KINDS.map((kind) => [`kind.${kind}`, t(`parts.kind.${kind}`)]))
    }
  }

  async function exportList(list: StockExportList, part?: { id: string; partNumber: string }): Promise<void> {
    if (exporting.value) return
    await run(async () => {
      const title = t(`parts.export.titles.${list}`, { partNumber: part?.partNumber ?? '' })
        .trim()
        .slice(0, 60)
      const file = await call('parts.export', {
        list,
        partId: part?.id,
        title,
        columns: columnTitles(list),
        labels: labels()
      })
      saveWorkbook(file)
      ElMessage.success(t('parts.exported', { fileName: file.fileName }))
    })
  }

  return { exporting, exportList }
}
