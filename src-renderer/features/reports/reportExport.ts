import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import type { ReportResult } from '../../../src-shared/contract/reports'
import { saveBase64File } from '../../ui/download'
import { showError } from '../../ui/errors'
import { useReportText } from './reportText'
import { useReportsStore, type ReportQuery } from './reportsStore'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Exports the report on screen as an Excel workbook in the reader's language: the main process
 * writes the figures, this side gives the words (title, sheet and column titles, coded values).
 */
export function useReportExport() {
  const { t } = useI18n()
  const reports = useReportsStore()
  const { exportLabels } = useReportText()
  const exporting = ref(false)

  async function exportReport(query: ReportQuery, shown: ReportResult): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
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
      saveBase64File(file.fileName, file.base64, XLSX_TYPE)
      ElMessage.success(t('reports.exported', { fileName: file.fileName }))
    } catch (error) {
      showError(error)
    } finally {
      exporting.value = false
    }
  }

  return { exporting, exportReport }
}
