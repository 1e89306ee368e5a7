import { defineMessages } from '../../i18n/defineMessages'

export const dataExportMessages = defineMessages(
  {
    dataExport: {
      title: '导出全店数据',
      hint: '把客户、设备、工单及明细、收据与红冲单、收付款、配件库存与库存流水、保修机器等全部数据导出为一个压缩包：每张表一个 CSV 文件（Excel、WPS 可直接打开），附说明文件。用于门店迁移或审计。不含登录密码、取机码和设备密码。',
      export: '导出全店数据',
      exported: '已导出 {fileName}'
    }
  },
  {
    dataExport: {
      title: 'Export all shop data',
      hint: 'Customers, devices, work orders and their lines, receipts and credit notes, payments, parts stock and the stock ledger, warranty units and more, as one zip: one CSV file per table (opens in Excel or WPS) with a README. For a shop that moves on, or an auditor. Passwords, claim codes and device passcodes are never included.',
      export: 'Export all shop data',
      exported: 'Exported {fileName}'
    }
  }
)
