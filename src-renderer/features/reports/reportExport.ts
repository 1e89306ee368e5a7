import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { useBusyAction } from '../../ui/busyAction'
import { saveWorkbook } from '../../ui/download'
import { useReportText } from './reportText'
import { useReportsStore, type ReportQuery } from './reportsStore'

/**
 * Exports the report on screen as an Excel workbook in the reader's language: the main process
 * writes the figures, this side gives the words (title, sheet and column titles, coded values).
 */
export function useReportExport() {
  const { t } = useI18n()
  const reports = useReportsStore()
  const { exportLabels } = useReportText()
  const { busy: exporting, run } = useBusyAction()

  async function exportReport(query: ReportQuery, shown: ReportResult): Promise<void> {
    if (exporting.value) return
    await run(async () => {
      const keys = new Set([
        ...shown.figures.map((figure) => figure.key),
        ...shown.tables.flatMap((table) => table.columns.map((column) => column.key))
      ])
      const file = await reports.exportReport(
        {
          title: t(`reports.names.${query.report}`).slice(0, 60),
          sheets: Object.fromEntries([
            ['summary', t('reports.summarySheet')],
            ...shown.tables.map((table) => [table.key, t(`reports.tables.${table.key}`).slice(0, 31)])
          ]),
          columns: Object.fromEntries([...keys].map((key) => [key, t(`reports.column.${key}`)])),
          labels: exportLabels()
        },
        query
      )
      saveWorkbook(file)
      ElMessage.success(t('reports.exported', { fileName: file.fileName }))
    })
  }

  return { exporting, exportReport }
}
