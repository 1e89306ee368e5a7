import { defineMessages } from '../../i18n/defineMessages'

/** The versioned warranty policies per category or model, and the form for a new version. */
export const warrantyPolicyMessages = defineMessages(
  {
    warranty: {
      policies: {
        title: '保修政策',
        back: '返回保修查询',
        intro: '按国家三包规定预置，可按品类调整。政策有版本：每台机器按售出当天有效的版本判定。',
        noneInForce: '今天没有生效的版本',
        history: '历史与待生效版本',
        standingTitle: '状态',
        standing: {
          in_force: '当前执行',
          upcoming: '待生效',
          superseded: '已被取代',
          never_in_force: '从未生效（同日起另有较新版本）'
        },
        models: '型号专用政策',
        newVersion: '新版本',
        appliesTo: '适用于',
        wholeCategory: '整个品类（可选某一型号单独设定）',
        newVersionTitle: '{category}：新版本保修政策',
        componentName: '部件',
        componentMonths: '保修月数',
        addComponent: '添加部件',
        removeComponent: '删除该部件',
        componentPlaceholder: '选择或输入部件',
        note: '备注',
        notePlaceholder: '如：按厂家 2026 年新保修卡调整',
        seededNotes: { regulationDefaults: '三包规定默认', legalMinimum: '国家三包法定最低标准' },
        saved: '新版本已保存',
        days: '天',
        months: '个月',
        exchangeRestartsHint: '开启：换货所得新机的保修期自换货日重新起算；关闭：延续原机的保修期',
        backdatedHint:
          '早于今天生效：只有管理员可以补录（如开业前已执行的品牌政策），此后售出的机器将按它判定，并记入操作日志。',
        noInvoiceHint:
          '没有发票和三包凭证的机器，保修期自生产日期后上述天数起算。法定最低标准：手机只免费修理；家电、电脑不实行三包。'
      }
    }
  },
  {
    warranty: {
      policies: {
        title: 'Warranty policies',
        back: 'Back to warranty lookup',
        intro:
          'Preset from the national 三包 regulations and editable per category. Policies are versioned: each unit is judged by the version in force on the day it was sold.',
        noneInForce: 'No version in force today',
        history: 'Earlier and upcoming versions',
        standingTitle: 'Status',
        standing: {
          in_force: 'In force today',
          upcoming: 'Upcoming',
          superseded: 'Superseded',
          never_in_force: 'Never in force (a newer version starts the same day)'
        },
        models: 'Model-specific policies',
        newVersion: 'New version',
        appliesTo: 'Applies to',
        wholeCategory: 'The whole category (or pick one model)',
        newVersionTitle: '{category}: new policy version',
        componentName: 'Component',
        componentMonths: 'Months',
        addComponent: 'Add component',
        removeComponent: 'Remove this component',
        componentPlaceholder: 'Pick or type a component',
        note: 'Note',
        notePlaceholder: "e.g. the maker's 2026 warranty card",
        seededNotes: { regulationDefaults: '三包 regulations default', legalMinimum: 'National 三包 legal minimum' },
        saved: 'New version saved',
        days: 'days',
        months: 'months',
        exchangeRestartsHint:
          "On: an exchanged unit's period restarts on the exchange date; off: it continues the earlier unit's period",
        backdatedHint:
          'Starts before today: only an administrator may enter it (e.g. a brand policy in force before the shop used the app); units sold since are judged by it, and it is audited.',
        noInvoiceHint:
          'A unit without invoice and card starts its period the days above after its production date. Legal minimum: phones get free repair only; appliances and computers get no 三包.'
      }
    }
  }
)
