import { defineMessages } from '../i18n/defineMessages'

/** The words on the packing list that goes in the box with a faulty-part return batch. */
export const printPackingListMessages = defineMessages(
  {
    print: {
      packingList: {
        title: '旧件返还装箱单',
        number: '批次号',
        status: '状态',
        cancelled: '已取消（批次作废，箱内无件）',
        packedAt: '装箱时间',
        packedBy: '装箱人',
        shippedAt: '发出时间',
        carrier: '快递公司',
        trackingNumber: '快递单号',
        index: '序号',
        source: '工单/三包单号',
        partNumber: '料号',
        partName: '配件名称',
        serials: '序列号',
        quantity: '数量',
        fault: '故障',
        total: '合计 {lines} 项，共 {n} 件',
        check: '收货方请逐件核对箱内旧件与本单所列料号、序列号是否一致，如有不符请在备注栏注明并告知门店。',
        remarks: '备注',
        signPacker: '装箱人签字',
        signReceiver: '收货人签字',
        signDate: '签收日期'
      }
    }
  },
  {
    print: {
      packingList: {
        title: 'Faulty-part packing list',
        number: 'Batch',
        status: 'Status',
        cancelled: 'Cancelled (batch void, nothing in it)',
        packedAt: 'Packed',
        packedBy: 'Packed by',
        shippedAt: 'Shipped',
        carrier: 'Carrier',
        trackingNumber: 'Tracking number',
        index: 'No.',
        source: 'Job / 三包 slip',
        partNumber: 'Part number',
        partName: 'Part',
        serials: 'Serial',
        quantity: 'Qty',
        fault: 'Fault',
        total: '{lines} lines, {n} items in all',
        check:
          'Receiver: check each part in the box against the part numbers and serials listed; note any difference under remarks and tell the shop.',
        remarks: 'Remarks',
        signPacker: 'Packed by (signature)',
        signReceiver: 'Received by (signature)',
        signDate: 'Date received'
      }
    }
  }
)
