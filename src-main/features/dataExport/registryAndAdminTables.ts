import { type ExportTable, text, integer, instant, boolean, id, createdAt, updatedAt, userName } from './exportColumns'

/**
 * The warranty registry, its policies and codes, the manager's actions on frequent faults, the
 * shop's settings, the staff, what was printed and the audit trail.
 */
export const REGISTRY_AND_ADMIN_TABLES: readonly ExportTable[] = [
  {
    file: 'warranty_units',
    zh: '保修机器',
    en: 'Warranty units',
    from: 'warranty_units u LEFT JOIN product_models m ON m.id = u.model_id',
    orderBy: 'u.serial',
    columns: [
      id('u.id', '机器ID', 'Unit ID'),
      text('u.serial', '序列号', 'Serial number'),
      text('m.brand', '品牌', 'Brand'),
      text('m.model', '型号', 'Model'),
      text('u.card_number', '保修卡号', 'Warranty card number'),
      text('u.purchase_date', '购买日期', 'Purchase date'),
      text('u.invoice_number', '购机发票号', 'Purchase invoice number'),
      text('u.dealer', '经销商', 'Dealer'),
      text('u.production_date', '生产日期', 'Production date'),
      text('u.buyer_name', '购买人', 'Buyer name'),
      text('u.buyer_phone', '购买人电话', 'Buyer phone'),
      text('u.activation_date', '激活日期', 'Activation date'),
      id('u.exchanged_from_id', '换自机器ID', 'Exchanged from unit ID'),
      text('u.exchanged_on', '换机日期', 'Exchanged on'),
      text('u.exchange_rule', '换机依据', 'Exchange allowed by'),
      text('u.refunded_on', '退货日期', 'Refunded on'),
      text('u.refund_rule', '退货依据', 'Refund allowed by'),
      text('u.source', '来源', 'Source'),
      createdAt('u'),
      updatedAt('u')
    ]
  },
  {
    file: 'product_models',
    zh: '产品型号',
    en: 'Product models',
    from: 'product_models m',
    orderBy: 'm.brand, m.model',
    columns: [
      id('m.id', '型号ID', 'Model ID'),
      text('m.brand', '品牌', 'Brand'),
      text('m.model', '型号', 'Model'),
      text('m.category_key', '品类', 'Category'),
      createdAt('m')
    ]
  },
  {
    file: 'warranty_policies',
    zh: '保修政策',
    en: 'Warranty policies',
    from: 'warranty_policies p',
    orderBy: 'p.effective_from, p.id',
    columns: [
      id('p.id', '政策ID', 'Policy ID'),
      text('p.category_key', '品类', 'Category'),
      id('p.model_id', '型号ID', 'Model ID'),
      text('p.effective_from', '生效日期', 'Effective from'),
      text('p.policy_json', '政策内容', 'Policy'),
      text('p.note', '说明', 'Note'),
      userName('p.created_by', '创建人', 'Created by'),
      createdAt('p')
    ]
  },
  {
    file: 'fault_codes',
    zh: '故障代码',
    en: 'Fault codes',
    from: 'code_entries k',
    orderBy: 'k.list, k.sort_order, k.code',
    columns: [
      text('k.list', '代码表', 'List'),
      text('k.code', '代码', 'Code'),
      text('k.label', '名称', 'Label'),
      text('k.component', '部件', 'Component'),
      boolean('k.voids_warranty', '使保修失效', 'Voids warranty'),
      boolean('k.active', '在用', 'Active')
    ]
  },
  {
    file: 'fault_actions',
    zh: '故障改进措施',
    en: 'Fault actions',
    from: 'fault_actions a',
    orderBy: 'a.created_at, a.id',
    columns: [
      id('a.id', '措施ID', 'Action ID'),
      text('a.brand', '品牌', 'Brand'),
      text('a.model', '型号', 'Model'),
      text('a.component_code', '部件代码', 'Component code'),
      text('a.fault_code', '故障代码', 'Fault code'),
      text('a.owner', '负责人', 'Owner'),
      text('a.action', '措施', 'Action'),
      text('a.due_date', '期限', 'Due date'),
      text('a.status', '状态', 'Status'),
      userName('a.created_by', '创建人', 'Created by'),
      createdAt('a'),
      updatedAt('a'),
      instant('a.closed_at', '关闭时间', 'Closed at')
    ]
  },
  {
    file: 'shop_settings',
    zh: '本店设置',
    en: 'Shop settings',
    from: 'shop_settings s',
    orderBy: 's.key',
    columns: [
      text('s.key', '设置项', 'Setting'),
      // The logo (a data URL of up to 400 000 characters) would overflow a spreadsheet cell, which
      // holds 32 767; the shop has the picture itself.
      text("json_remove(s.value, '$.logo')", '值', 'Value'),
      userName('s.updated_by', '修改人', 'Updated by'),
      updatedAt('s')
    ]
  },
  {
    file: 'users',
    zh: '员工账号',
    en: 'Staff accounts',
    from: 'users u',
    orderBy: 'u.created_at, u.id',
    columns: [
      id('u.id', '账号ID', 'Account ID'),
      text('u.username', '用户名', 'Username'),
      text('u.display_name', '姓名', 'Name'),
      text('u.phone', '电话', 'Phone'),
      text('u.role', '角色', 'Role'),
      boolean('u.disabled', '已停用', 'Disabled'),
      instant('u.last_sign_in_at', '最近登录', 'Last sign-in'),
      createdAt('u'),
      updatedAt('u')
    ]
  },
  {
    file: 'print_log',
    zh: '打印记录',
    en: 'Print log',
    from: 'print_log p',
    orderBy: 'p.printed_at, p.id',
    columns: [
      id('p.id', '记录ID', 'Entry ID'),
      text('p.document_type', '单据类型', 'Document type'),
      id('p.entity_id', '打印对象ID', 'Printed record ID'),
      integer('p.print_number', '第几次打印', 'Print number'),
      text('p.paper', '纸张', 'Paper'),
      userName('p.printed_by', '打印人', 'Printed by'),
      instant('p.printed_at', '打印时间', 'Printed at')
    ]
  },
  {
    file: 'audit_log',
    zh: '操作日志',
    en: 'Audit log',
    from: 'audit_log a',
    orderBy: 'a.at, a.id',
    columns: [
      id('a.id', '日志ID', 'Entry ID'),
      instant('a.at', '时间', 'At'),
      userName('a.actor_id', '操作人', 'By'),
      text('a.action', '操作', 'Action'),
      text('a.entity', '对象', 'Entity'),
      id('a.entity_id', '对象ID', 'Entity ID'),
      text('a.before_json', '操作前', 'Before'),
      text('a.after_json', '操作后', 'After')
    ]
  }
]
