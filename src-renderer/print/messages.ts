import { defineMessages } from '../i18n/defineMessages'
import { documentTypeNames } from './documentTypeNames'

/**
 * The print page's own texts: document types, paper, toolbar, print settings, preview and the words
 * the documents share. What each document says is in documentMessages.ts.
 */
export const printMessages = defineMessages(
  {
    print: {
      documentType: documentTypeNames['zh-CN'],
      paper: {
        a4: 'A4',
        a5: 'A5',
        roll_80: '80 mm 小票',
        roll_58: '58 mm 小票',
        label_50x30: '标签 50×30 mm',
        label_40x30: '标签 40×30 mm'
      },
      toolbar: {
        back: '返回',
        paper: '纸张',
        print: '打印',
        loading: '正在生成单据…',
        printedTimes: '已打印 {n} 次，再次打印将标记为副本',
        neverPrinted: '尚未打印',
        sentToPrinter: '已发送到打印机（第 {n} 次打印）',
        pdfHint: '如需 PDF，请在打印对话框中选择“另存为 PDF”',
        previewOnly: '结账前的预览不计入打印次数',
        unknownDocument: '未知的单据类型'
      },
      settings: {
        title: '打印设置',
        hint: '本工位的每种单据用哪种纸张、送到哪台打印机；其他工位各自设置',
        documentType: '单据',
        paper: '纸张',
        printer: '打印机',
        defaultPrinter: '系统默认打印机',
        silent: '直接打印',
        silentHint: '不弹出打印对话框',
        browserMode: '浏览器模式：打印时在浏览器的打印对话框中选择打印机；此处只设置纸张。',
        save: '保存打印设置'
      },
      preview: {
        claimReceipt: '打印接机单',
        deviceLabel: '打印标签',
        warrantySlip: '打印保修单'
      },
      copy: '副本 COPY',
      copyShort: '副本',
      common: {
        /** A label in front of its value, with the language's own colon. */
        labelled: '{label}：',
        phone: '电话',
        taxNumber: '税号',
        workOrder: '工单号',
        customer: '客户',
        device: '设备',
        serial: '序列号',
        serviceType: '服务类型',
        dateIn: '接收时间',
        printedAt: '打印时间',
        customerNote: '备注',
        yuan: '元',
        none: '无',
        page: '第 {n} 页'
      }
    }
  },
  {
    print: {
      documentType: documentTypeNames.en,
      paper: {
        a4: 'A4',
        a5: 'A5',
        roll_80: '80 mm roll',
        roll_58: '58 mm roll',
        label_50x30: 'Label 50×30 mm',
        label_40x30: 'Label 40×30 mm'
      },
      toolbar: {
        back: 'Back',
        paper: 'Paper',
        print: 'Print',
        loading: 'Preparing the document…',
        printedTimes: 'Print count: {n}; printing again marks it as a copy',
        neverPrinted: 'Not printed yet',
        sentToPrinter: 'Sent to the printer (print no. {n})',
        pdfHint: 'For a PDF, choose “Save as PDF” in the print dialog',
        previewOnly: 'A preview before closing is not counted as a print',
        unknownDocument: 'Unknown document type'
      },
      settings: {
        title: 'Printing',
        hint: 'The paper and printer for each document at this desk; every other desk sets its own',
        documentType: 'Document',
        paper: 'Paper',
        printer: 'Printer',
        defaultPrinter: 'System default printer',
        silent: 'Print directly',
        silentHint: 'without the print dialog',
        browserMode:
          "Browser mode: the browser's print dialog chooses the printer when printing; only the paper is set here.",
        save: 'Save printing settings'
      },
      preview: {
        claimReceipt: 'Print claim receipt',
        deviceLabel: 'Print label',
        warrantySlip: 'Print warranty slip'
      },
      copy: 'COPY',
      copyShort: 'COPY',
      common: {
        /** A label in front of its value, with the language's own colon. */
        labelled: '{label}: ',
        phone: 'Tel',
        taxNumber: 'Tax no.',
        workOrder: 'Work order',
        customer: 'Customer',
        device: 'Device',
        serial: 'Serial',
        serviceType: 'Service',
        dateIn: 'Received',
        printedAt: 'Printed',
        customerNote: 'Note',
        yuan: 'CNY',
        none: 'None',
        page: 'Page {n}'
      }
    }
  }
)
