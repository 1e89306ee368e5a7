import { defineMessages } from '../../i18n/defineMessages'

/**
 * Warranty texts. `reason.*` renders every key of the domain's REASON_KEYS; the view turns the
 * raw params into words first (component and void-reason keys translated, `daysLeft` as a
 * phrase such as "还剩 12 天" / "今天是最后一天"), see warrantyText.ts.
 */
export const warrantyMessages = defineMessages(
  {
    warranty: {
      title: '保修查询',
      searchPlaceholder: '扫描或输入序列号 / IMEI、保修卡号或购机人电话，按回车查询',
      searchHint: '在任何页面用扫码枪扫描序列号，都会直接打开这里的查询结果。',
      importButton: '导入保修登记',
      policiesButton: '保修政策',
      verdict: {
        refund: '可退货',
        exchange: '可换货',
        exchange_or_refund: '可换货或退货',
        free_repair: '免费保修',
        free_new_component: '免费更换新部件',
        accessory_exchange: '免费更换附件',
        accessory_refund: '附件可退货',
        paid_repair: '付费维修',
        not_covered: '不在保修范围',
        unknown_start: '无法确定起始日期'
      },
      verdictHint: {
        refund: '性能故障在退货期内，顾客可选择退货、换货或免费维修。',
        exchange: '性能故障在换货期内（或同一故障已修两次、或待修超过规定期限），顾客可选择换货或免费维修。',
        exchange_or_refund:
          '符合换货条件（同一性能故障已修两次仍不能正常使用，或待修超过规定期限）：由顾客选择换货或退货。',
        free_repair: '在保修期内，免费维修。',
        shopWarranty:
          '本店维修保修：本店更换过的部件仍在保修期内，免费维修，由本店承担、不向厂家索赔。请店长在原维修工单上办理「返修」。',
        free_new_component: '整机保修已过、主要部件仍在保修期内，且该部件已修两次：免费更换新的部件。',
        accessory_exchange: '手机附件在其三包有效期内出现性能故障：免费更换同品牌同型号同规格的附件，不退换手机。',
        accessory_refund:
          '该附件已在三包期内更换两次仍不能正常使用：附件免费退货（单独购买的按发票价格，随机附带的按退货时单独销售的价格），手机本身不退换。',
        paid_repair: '不实行三包，可以收费修理（原因见判定依据）。',
        not_covered: '不属于三包范围：不退、不换、不免费修理（原因见判定依据）。',
        unknown_start: '缺少购机发票和生产日期，无法计算保修期；请补登发票信息，不按过保处理。'
      },
      reasons: '判定依据',
      dates: '保修日期',
      unit: '机器信息',
      policy: '适用政策',
      repairs: '本店维修记录',
      noRepairs: '本店没有该机的维修记录',
      claim: '按故障重新判定',
      claimHint: '说明顾客报修的故障，重新判定退换修。',
      faultKind: '故障类型',
      faultKinds: { performance: '性能故障', appearance: '外观损坏' },
      claimComponent: '故障部位',
      claimFault: '故障现象',
      wholeUnit: '整机',
      evaluate: '重新判定',
      start: '保修起始日',
      startBasis: '起算依据',
      basis: {
        invoice: '购机发票日期',
        production_fallback: '无发票：按生产日期推算',
        exchange: '换货日期',
        no_invoice: '无发票和三包凭证：不实行三包'
      },
      refundEnd: '退货截止',
      exchangeEnd: '换货截止',
      repairEnd: '整机保修截止',
      daysLeftLabel: '保修剩余',
      extensionDays: '维修占用顺延',
      extensionValue: '{days} 天',
      componentEnds: '部件保修截止',
      partWarranties: '更换配件的维修保修',
      voided: '已免责',
      none: '—',
      paren: '（{note}）',
      daysLeft: '还剩 {n} 天',
      lastDay: '今天是最后一天',
      daysOver: '已过 {n} 天',
      serial: '序列号 / IMEI',
      brand: '品牌',
      model: '型号',
      category: '品类',
      cardNumber: '保修卡号',
      invoiceNumber: '发票号',
      noInvoice: '无发票',
      dealer: '经销商',
      buyerName: '购买人',
      buyerPhone: '购买人电话',
      purchaseDate: '购买日期（发票日期）',
      productionDate: '生产日期',
      activationDate: '激活日期',
      exchangedFrom: '换货自',
      exchangedOn: '{serial}（{date} 换货）',
      source: '登记来源',
      sources: { counter: '门店登记', import: '批量导入', exchange: '换货' },
      refundDays: '退货期',
      exchangeDays: '换货期',
      repairMonths: '整机保修',
      components: '部件保修',
      noInvoiceFallbackDays: '无发票推算',
      noInvoiceGrants: '无发票时',
      grants: {
        nothing: '不实行三包（收费修理）',
        repair_only: '只免费修理，不退不换',
        all_remedies: '与有发票相同'
      },
      regulation: '依据规定',
      regulations: {
        appliances_1995: '《部分商品修理更换退货责任规定》',
        mobile_phone_2001: '《移动电话机商品修理更换退货责任规定》',
        computer_2002: '《微型计算机商品修理更换退货责任规定》'
      },
      exchangeRestartsPeriod: '换货后保修',
      restarts: '重新起算',
      continues: '延续原机',
      dayCount: '{n} 天',
      monthCount: '{n} 个月',
      fallbackValue: '生产日期后 {n} 天起算',
      effectiveFrom: '生效日期',
      policyOf: '{category} · 自 {date} 起执行',
      policyOfModel: '{brand} {model} 专用 · 自 {date} 起执行',
      repairServiceType: '服务类型',
      repairCreated: '接收时间',
      repairPickedUp: '取机时间',
      several: '该号码下登记了 {count} 台机器，请选择一台',
      pick: '查看',
      unknownTitle: '未找到保修登记',
      unknown: {
        serial:
          '未找到该序列号 {query} 的保修登记。这不代表已过保修期，不按过保处理：请核对购机发票，登记该机后再判定。',
        phone:
          '未找到电话 {query} 名下的保修登记。这不代表已过保修期，不按过保处理：请按序列号查询，或核对发票后登记该机。',
        card: '未找到保修卡号 {query} 的保修登记。这不代表已过保修期，不按过保处理：请按序列号查询，或核对发票后登记该机。'
      },
      registerUnit: '登记该机',
      registerTitle: '登记保修机器',
      registerHint: '按购机发票和保修卡填写；没有发票时请填写生产日期，系统按规定推算保修起始日。',
      registered: '已登记',
      categoryPlaceholder: '请选择品类',
      brandHint: '如 华为、美的',
      modelHint: '如 Mate 60 Pro',
      exchangeUnit: '办理换货',
      exchangeTitle: '换货：登记新机序列号',
      exchangeHint: '原机 {serial} 换为新机。新机的保修期按政策{rule}。',
      newSerial: '新机序列号 / IMEI',
      exchanged: '已换货，以下为新机的保修判定',
      categories: {
        mobile_phone: '手机',
        computer: '电脑（未区分台式 / 笔记本）',
        desktop_computer: '台式电脑',
        laptop_computer: '笔记本电脑',
        tv: '电视',
        air_conditioner: '空调',
        refrigerator: '冰箱',
        washing_machine: '洗衣机'
      },
      component: {
        battery: '电池',
        charger: '充电器',
        terminal_card: '移动终端卡',
        data_card: '数据接口卡',
        wired_headset: '外接有线耳机',
        main_board: '主板',
        cpu: 'CPU',
        memory: '内存',
        hard_disk: '硬盘',
        display: '显示器 / 显示屏',
        keyboard: '键盘',
        power_supply: '电源',
        power_adapter: '电源适配器',
        panel: '显像管 / 显示屏',
        backlight: '背光组件',
        drive_module: '驱动组件',
        logic_board: '逻辑组件',
        flyback_transformer: '行输出变压器',
        tuner: '高频头 / 高频调谐器',
        integrated_circuit: '集成电路',
        compressor: '压缩机',
        motor: '电动机',
        program_controller: '程序控制器'
      },
      voidReason: {
        physical_damage: '外力损坏',
        liquid_damage: '进液',
        third_party_repair: '第三方拆修',
        serial_tampered: '序列号或保修卡涂改、与机器不符'
      },
      reason: {
        startInvoice: '保修期自购机发票日期 {invoiceDate} 起算。',
        startProductionFallback:
          '没有购机发票：按生产日期 {productionDate} 之后 {fallbackDays} 天推算，保修期自 {start} 起算。',
        startExchangeRestart: '本机是 {exchangedOn} 换货所得的新机，保修期自换货之日重新起算。',
        exchangeWindowsFromSale:
          '退货、换货期按原机售出之日 {saleDate} 计算（退货至 {refundEnd}，换货至 {exchangeEnd}），不因换货重新起算。',
        exchangeSaleUnknown: '原机售出日期没有登记：本机不按退货、换货期处理。',
        startExchangeContinue:
          '本机是 {exchangedOn} 换货所得的新机，按政策延续原机的保修期，自原机起算日 {originalStartDate} 起算。',
        startExchangeOriginalUnknown:
          '本机是 {exchangedOn} 换货所得的新机，按政策延续原机的保修期，但原机的起算日没有登记，无法确定起始日期。',
        startUnknown: '既没有购机发票日期，也没有生产日期，无法确定保修起始日期；请核对发票后补登，不按过保处理。',
        startNoInvoiceNoSanbao: '没有有效发票和三包凭证：不实行三包，可以收费修理；没有保修截止日。',
        fallbackNotStarted: '没有发票：三包有效期自 {start} 才开始，在此之前出现的故障不在三包范围内。',
        noInvoiceRepairOnly: '没有发票：按规定只负责免费修理，不退货、不换货。',
        secondRepairExchangeOrRefund:
          '同一故障（{faultCode}）已在保修期内修理 {repairs} 次（最近一次 {lastReturnedDate} 修好交还），再次出现故障，由顾客选择换货或退货（整机保修期至 {periodEnd}）。',
        mainComponentNewAfterTwoRepairs:
          '{component}已在保修期内修理 {repairs} 次（最近一次 {lastReturnedDate} 交还），整机保修已于 {repairEnd} 到期、{component}保修至 {end}：免费更换新的{component}。',
        replacedBy: '本机已换货，由序列号 {serial} 的新机替换，保修随之转到新机，本机不再享受保修。',
        refunded: '本机已于 {refundedOn} 退货，三包责任已经履行，本机不再享受保修。',
        refundInsteadOfExchange:
          '符合换货条件的，顾客不愿换货而要求退货，应当予以退货（《部分商品修理更换退货责任规定》第十三条）。',
        repairExtension: '保修期内维修共占用 {days} 天（{repairs} 次保修维修），不计入三包有效期，保修截止日相应顺延。',
        noClaim: '未说明故障：按整机性能故障判定。',
        voidUnit: '接机时记录了"{reason}"：不实行三包，可以收费修理。',
        voidComponent: '接机时记录了{component}"{reason}"：该部件不实行三包，可以收费修理。',
        voidBeforePartReplaced:
          '{recordedOn} 记录的"{reason}"早于{component}在本店更换的日期 {replacedOn}，不影响本店对更换部件的维修保修。',
        refundWindow: '自 {start} 起 {refundDays} 日内出现性能故障可以退货，退货期至 {refundEnd}（{daysLeft}）。',
        exchangeWindow: '自 {start} 起 {exchangeDays} 日内出现性能故障可以换货，换货期至 {exchangeEnd}（{daysLeft}）。',
        appearanceNoRefundExchange:
          '外观问题不属于性能故障，即使在退货、换货期内（至 {exchangeEnd}）也不能退货或换货。',
        appearanceNotCovered: '外观问题不是规定所列的性能故障，不属于三包范围，也不在本店更换部件的维修保修范围内。',
        secondRepairRule:
          '同一故障（{faultCode}）已在保修期内修理 {repairs} 次（最近一次 {lastReturnedDate} 修好交还），再次出现故障，可以换货（整机保修期至 {periodEnd}）。',
        repeatFaultHistory:
          '提示：故障 {faultCode} 已在保修期内修理 {repairs} 次，若再次出现同一故障可以换货（家电可选退货）。',
        accessoryExchange:
          '{component}是手机附件，三包有效期 {months} 个月，至 {end}（{daysLeft}）：出现性能故障，免费更换同品牌同型号同规格的{component}。',
        accessoryRefund:
          '{component}已在三包期内更换 {exchanges} 次（最近一次 {lastReturnedDate} 交还）仍不能正常使用：{component}免费退货，单独购买的按发票价格退款，随机附带的按退货时单独销售的价格退款。',
        accessoryNotUnitWindows:
          '7 日退货、15 日换货（至 {exchangeEnd}）只适用于手机主机：{component}故障只更换{component}，不退换手机。',
        accessoryRemedyGiven: '{component}已于 {givenOn} 按三包{kind}（单号 {number}）。',
        accessoryRefunded:
          '{component}已于 {refundedOn} 按三包退货退款（单号 {number}）：其三包责任已履行，不再更换或退款；之后另购的{component}凭其自己的发票保修。',
        unitWindowsAfterAccessoryRemedy:
          '附件的三包更换、退款不影响手机主机自己的 7 日退货、15 日换货（《移动电话机商品修理更换退货责任规定》第十一、十二条针对主机）。',
        accessoryRefundDeducted:
          '{component}已退款 ¥{amount}（单号 {number}），店内已收回该附件：整机退货时从货款中扣除这笔已退金额，不重复退款。',
        accessoryNoUnitExchange:
          '{component}是手机附件：故障 {faultCode} 虽已修理 {repairs} 次，两次修理后换机只适用于主机；附件在其保修期内免费更换同型号的附件。',
        repairPeriod: '整机保修 {repairMonths} 个月，自 {start} 至 {repairEnd}（{daysLeft}），免费维修。',
        repairPeriodEnded: '整机保修已于 {repairEnd} 到期（已过 {daysSince} 天），需付费维修。',
        componentPeriod: '{component}保修 {months} 个月，至 {end}（{daysLeft}），免费维修。',
        componentPeriodEnded: '{component}保修已于 {end} 到期（已过 {daysSince} 天）。',
        partRepairWarranty:
          '{component}于 {replacedOn} 付费维修时更换，享有 {warrantyDays} 天维修保修，至 {end}（{daysLeft}），免费维修。',
        partRepairWarrantyEnded: '{component}更换后的维修保修已于 {end} 到期（已过 {daysSince} 天）。',
        faultDate: '按故障出现日期 {faultDate} 判定（今天是 {today}）。',
        waitingLimitReached:
          '{broughtIn} 送修，自 {since} 起{cause}；自送修之日起超过 {limitDays} 日未修好（{article}），自 {entitledOn} 起顾客可以换货。',
        waitingLimitAhead:
          '{broughtIn} 送修，自 {since} 起{cause}；自送修之日起超过 {limitDays} 日未修好即可换货（{article}），{entitledOn} 起可换（还有 {daysToGo} 天）。',
        waitingNoLimit: '{broughtIn} 送修，自 {since} 起{cause}；本类商品的规定对此不给换货，待修时间不计入三包有效期。'
      },
      waitingCause: {
        parts_not_supplied: '等待厂家供应配件',
        repairer_delay: '因维修方自身原因延误'
      },
      article: {
        goods_1995_art12: '《部分商品修理更换退货责任规定》第十二条',
        phones_2001_art16: '《移动电话机商品修理更换退货责任规定》第十六条',
        phones_2001_art17: '《移动电话机商品修理更换退货责任规定》第十七条',
        computers_2002_art23: '《微型计算机商品修理更换退货责任规定》第二十三条'
      },
      faultDate: '故障出现日期',
      faultDateToday: '今天（可选更早的日期）',
      judgedOn: '判定日期',
      waitingNote: '（{since} 起{cause}）',
      waitingEntitledOn: '可换货日期',
      import: {
        title: '导入保修登记',
        back: '返回保修查询',
        intro:
          '导入经销商导出的 CSV 或 Excel（XLSX）文件。支持 UTF-8（含 BOM）和 GBK 编码，表头可以是中文或英文。同一序列号重复导入不会产生重复记录。',
        chooseFile: '选择文件',
        fileHint: 'CSV 或 XLSX，最大 512 MB',
        uploading: '正在上传 {name}',
        preview: '核对列对应关系',
        encoding: '文件编码',
        encodings: {
          'utf-8': 'UTF-8',
          'utf-8-bom': 'UTF-8（带 BOM）',
          gb18030: 'GBK / GB18030',
          'utf-16le': 'UTF-16LE',
          xlsx: 'Excel 工作簿（XLSX）'
        },
        mapping: '字段对应',
        field: '字段',
        column: '文件中的列',
        notInFile: '文件中没有',
        columnLabel: '第 {n} 列：{header}',
        sample: '文件前几行',
        defaults: '文件中没有时使用',
        defaultCategory: '默认品类',
        defaultBrand: '默认品牌',
        run: '开始导入',
        restart: '重新选择文件',
        running: '正在导入',
        progress: '已处理 {processed} / {total} 行',
        progressUnknown: '已处理 {processed} 行',
        cancel: '取消导入',
        cancelConfirm: '取消后本次导入的数据都不会写入。确定取消？',
        phase: {
          uploading: '正在上传',
          uploaded: '已上传',
          checking: '正在检查每一行',
          applying: '正在写入',
          done: '导入完成',
          cancelled: '已取消，登记数据保持原样',
          failed: '导入失败'
        },
        imported: '新增',
        updated: '更新',
        unchanged: '未变化',
        rejectedCount: '被拒绝',
        rejected: '被拒绝的行',
        noRejected: '所有行都已导入',
        line: '行号',
        reason: '原因',
        saveRejected: '保存被拒绝的行',
        rejectedFile: '{name}-被拒绝的行.csv',
        fields: {
          serial: '序列号 / IMEI',
          brand: '品牌',
          model: '型号',
          category: '品类',
          cardNumber: '保修卡号',
          purchaseDate: '购买日期（发票日期）',
          invoiceNumber: '发票号',
          dealer: '经销商',
          productionDate: '生产日期',
          buyerName: '购买人',
          buyerPhone: '购买人电话',
          activationDate: '激活日期'
        },
        serialMissing: '缺少序列号',
        serialInvalid: '序列号格式不正确："{value}"（只能包含字母、数字和 - / .，最长 40 位）',
        serialDuplicate: '序列号 {serial} 在文件中重复（与第 {firstLine} 行相同）',
        modelMissing: '缺少型号',
        brandMissing: '缺少品牌（可在导入前设置默认品牌）',
        categoryUnknown: '无法识别的品类："{value}"',
        categoryMissing: '缺少品类：该型号不在产品目录中，请填写品类或设置默认品类',
        categoryConflict: '品类与型号 {brand} {model} 已有的品类（{category}）不一致',
        dateInvalid: '{field}不是有效日期："{value}"',
        dateInFuture: '{field}晚于今天："{value}"',
        tooLong: '{field}过长（最多 {max} 个字符）',
        controlCharacter: '{field}含有控制字符或隐藏的文字方向符，请在文件中重新输入',
        cardDuplicate: '保修卡号 {cardNumber} 在文件中重复（与第 {firstLine} 行相同）',
        cardTaken: '保修卡号 {cardNumber} 已登记在序列号 {serial} 上',
        notUploading: '该导入已上传完毕，不能再追加内容',
        chunkOrder: '文件分段顺序错误，请重新选择文件上传',
        tooManyBytes: '上传的内容超过了文件大小，请重新选择文件',
        uploadIncomplete: '文件还没有上传完',
        alreadyRun: '该文件已经导入过，请重新选择文件',
        mappingRequired: '请为"序列号"和"型号"选择文件中的列',
        mappingColumn: '所选的列不在文件中',
        failed: '导入失败，登记数据保持原样；请重试或联系技术支持',
        alreadyApplied: '导入已经完成，不能再取消',
        jobNotFound: '找不到该导入任务，请重新选择文件',
        rejectedShown: '仅显示前 {shown} 行，全部 {total} 行请点"保存被拒绝的行"'
      },
      policies: {
        title: '保修政策',
        back: '返回保修查询',
        intro: '按国家三包规定预置，可按品类调整。政策有版本：每台机器按售出当天有效的版本判定。',
        inForce: '当前执行',
        noneInForce: '今天没有生效的版本',
        history: '历史与待生效版本',
        future: '待生效',
        superseded: '已被取代',
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
      },
      intake: {
        registryUnit: '保修登记：{brand} {model}'
      }
    }
  },
  {
    warranty: {
      title: 'Warranty',
      searchPlaceholder: 'Scan or type a serial / IMEI, warranty card number or buyer phone, then Enter',
      searchHint: 'Scanning a serial on any page opens its lookup here.',
      importButton: 'Import registry',
      policiesButton: 'Policies',
      verdict: {
        refund: 'Refund',
        exchange: 'Exchange',
        exchange_or_refund: 'Exchange or refund',
        free_repair: 'Free repair',
        free_new_component: 'New component, free',
        accessory_exchange: 'New accessory, free',
        accessory_refund: 'Accessory refund',
        paid_repair: 'Paid repair',
        not_covered: 'Not covered',
        unknown_start: 'Start date unknown'
      },
      verdictHint: {
        refund: 'Performance fault within the refund window: the customer may choose refund, exchange or free repair.',
        exchange:
          'Performance fault within the exchange window (or the same fault repaired twice, or waiting too long in a repair): exchange or free repair.',
        exchange_or_refund:
          'An exchange is due (the same performance fault repaired twice came back, or the repair waited too long): the customer chooses an exchange or a refund.',
        free_repair: 'Within the warranty period: repaired free of charge.',
        shopWarranty:
          'The shop’s own repair warranty: a part the shop replaced is still under it, so the repair is free, borne by the shop and never claimed from the brand. A manager reopens the earlier repair’s work order as its comeback.',
        free_new_component:
          'The unit period is over but the main component’s is not, and it was repaired twice: a new component, free of charge.',
        accessory_exchange:
          'A phone accessory with a performance fault within its own period: a new one of the same brand, model and specification, free. The phone itself is not refunded or exchanged.',
        accessory_refund:
          'The accessory was exchanged twice under 三包 and still fails: the accessory is refunded (at its invoice price when bought alone, at its price sold alone today when it came with the phone). The phone itself is not refunded or exchanged.',
        paid_repair: 'No 三包 for this unit, but it can be repaired for a fee (see the reasons).',
        not_covered: 'Outside 三包: no refund, no exchange, no free repair (see the reasons).',
        unknown_start:
          'No invoice and no production date: the period cannot be computed. Record the invoice; do not treat it as out of warranty.'
      },
      reasons: 'Why',
      dates: 'Warranty dates',
      unit: 'Unit',
      policy: 'Policy applied',
      repairs: 'Repairs at this shop',
      noRepairs: 'No repairs of this unit at this shop',
      claim: 'Judge a specific fault',
      claimHint: "Describe the customer's fault to judge refund, exchange or repair again.",
      faultKind: 'Fault',
      faultKinds: { performance: 'Performance fault', appearance: 'Appearance damage' },
      claimComponent: 'Component',
      claimFault: 'Symptom',
      wholeUnit: 'Whole unit',
      evaluate: 'Judge',
      start: 'Warranty start',
      startBasis: 'Based on',
      basis: {
        invoice: 'Invoice date',
        production_fallback: 'No invoice: from the production date',
        exchange: 'Exchange date',
        no_invoice: 'No invoice or card: no 三包'
      },
      refundEnd: 'Refund until',
      exchangeEnd: 'Exchange until',
      repairEnd: 'Repair warranty until',
      daysLeftLabel: 'Days left',
      extensionDays: 'Extended by repair time',
      extensionValue: '{days} day | {days} days',
      componentEnds: 'Component warranties',
      partWarranties: 'Replaced-part repair warranties',
      voided: 'Void',
      none: '—',
      paren: ' ({note})',
      daysLeft: '{n} day left | {n} days left',
      lastDay: 'today is the last day',
      daysOver: 'over by {n} day | over by {n} days',
      serial: 'Serial / IMEI',
      brand: 'Brand',
      model: 'Model',
      category: 'Category',
      cardNumber: 'Warranty card',
      invoiceNumber: 'Invoice number',
      noInvoice: 'No invoice',
      dealer: 'Dealer',
      buyerName: 'Buyer',
      buyerPhone: 'Buyer phone',
      purchaseDate: 'Purchase date (invoice date)',
      productionDate: 'Production date',
      activationDate: 'Activation date',
      exchangedFrom: 'Exchanged from',
      exchangedOn: '{serial} (exchanged {date})',
      source: 'Registered by',
      sources: { counter: 'Counter', import: 'Import', exchange: 'Exchange' },
      refundDays: 'Refund window',
      exchangeDays: 'Exchange window',
      repairMonths: 'Whole-unit warranty',
      components: 'Component warranties',
      noInvoiceFallbackDays: 'Without invoice',
      noInvoiceGrants: 'Without invoice or card',
      grants: {
        nothing: 'No 三包 (paid repair)',
        repair_only: 'Free repair only, no refund or exchange',
        all_remedies: 'Same as with an invoice'
      },
      regulation: 'Regulation',
      regulations: {
        appliances_1995: 'Repair, exchange and refund of certain goods (1995)',
        mobile_phone_2001: 'Repair, exchange and refund of mobile phones (2001)',
        computer_2002: 'Repair, exchange and refund of microcomputers (2002)'
      },
      exchangeRestartsPeriod: 'After an exchange',
      restarts: 'period restarts',
      continues: 'period continues',
      dayCount: '{n} day | {n} days',
      monthCount: '{n} month | {n} months',
      fallbackValue: 'starts {n} day after production | starts {n} days after production',
      effectiveFrom: 'In force from',
      policyOf: '{category} · in force from {date}',
      policyOfModel: '{brand} {model} only · in force from {date}',
      repairServiceType: 'Service',
      repairCreated: 'Received',
      repairPickedUp: 'Picked up',
      several: '{count} units are registered under this number; pick one',
      pick: 'Open',
      unknownTitle: 'No warranty record found',
      unknown: {
        serial:
          'No warranty record for serial {query}. This does not mean it is out of warranty and it must not be treated so: check the invoice and register the unit, then judge it.',
        phone:
          'No warranty record under phone {query}. This does not mean out of warranty and it must not be treated so: look up the serial, or check the invoice and register the unit.',
        card: 'No warranty record for card {query}. This does not mean out of warranty and it must not be treated so: look up the serial, or check the invoice and register the unit.'
      },
      registerUnit: 'Register this unit',
      registerTitle: 'Register a sold unit',
      registerHint:
        'Copy the invoice and the warranty card. Without an invoice, give the production date: the start is then derived as the regulations say.',
      registered: 'Registered',
      categoryPlaceholder: 'Pick a category',
      brandHint: 'e.g. Huawei, Midea',
      modelHint: 'e.g. Mate 60 Pro',
      exchangeUnit: 'Exchange unit',
      exchangeTitle: 'Exchange: the new serial',
      exchangeHint: 'Unit {serial} is exchanged for a new one; under the policy the new unit’s warranty: {rule}.',
      newSerial: 'New serial / IMEI',
      exchanged: 'Exchanged; below is the new unit’s verdict',
      categories: {
        mobile_phone: 'Mobile phone',
        computer: 'Computer (desktop or laptop not told)',
        desktop_computer: 'Desktop computer',
        laptop_computer: 'Laptop',
        tv: 'TV',
        air_conditioner: 'Air conditioner',
        refrigerator: 'Refrigerator',
        washing_machine: 'Washing machine'
      },
      component: {
        battery: 'Battery',
        charger: 'Charger',
        terminal_card: 'Mobile terminal card',
        data_card: 'Data interface card',
        wired_headset: 'Wired headset',
        main_board: 'Main board',
        cpu: 'CPU',
        memory: 'Memory',
        hard_disk: 'Hard disk',
        display: 'Display',
        keyboard: 'Keyboard',
        power_supply: 'Power supply',
        power_adapter: 'Power adapter',
        panel: 'Picture tube / panel',
        backlight: 'Backlight',
        drive_module: 'Drive module',
        logic_board: 'Logic board',
        flyback_transformer: 'Flyback transformer',
        tuner: 'Tuner',
        integrated_circuit: 'Integrated circuits',
        compressor: 'Compressor',
        motor: 'Motor',
        program_controller: 'Program controller'
      },
      voidReason: {
        physical_damage: 'physical damage',
        liquid_damage: 'liquid damage',
        third_party_repair: 'opened or repaired by a third party',
        serial_tampered: 'serial or warranty card altered or not matching the unit'
      },
      reason: {
        startInvoice: 'The warranty runs from the invoice date, {invoiceDate}.',
        startProductionFallback:
          'No invoice: the start is {fallbackDays} days after the production date {productionDate}, i.e. {start}.',
        startExchangeRestart:
          'This unit replaced another on {exchangedOn}; its warranty restarts on the exchange date.',
        exchangeWindowsFromSale:
          'The refund and exchange windows count from the original sale on {saleDate} (refund until {refundEnd}, exchange until {exchangeEnd}); an exchange does not restart them.',
        exchangeSaleUnknown:
          'The original unit’s sale date is not recorded: no refund or exchange window for this unit.',
        startExchangeContinue:
          'This unit replaced another on {exchangedOn}; by policy it continues the earlier unit’s period, which started {originalStartDate}.',
        startExchangeOriginalUnknown:
          'This unit replaced another on {exchangedOn}; by policy it continues the earlier unit’s period, but that start was not recorded, so the start is unknown.',
        startUnknown:
          'Neither an invoice date nor a production date is recorded, so the start is unknown; check the invoice and record it. Not to be treated as out of warranty.',
        startNoInvoiceNoSanbao:
          'No valid invoice and no warranty card: no 三包, but it can be repaired for a fee; there is no warranty end.',
        fallbackNotStarted:
          'No invoice: the warranty period only starts on {start}; a fault before that day is not covered.',
        noInvoiceRepairOnly: 'No invoice: free repair only, never a refund or an exchange.',
        secondRepairExchangeOrRefund:
          'The same fault ({faultCode}) was repaired {repairs} times under warranty (last returned {lastReturnedDate}) and failed again: the customer chooses an exchange or a refund (unit warranty until {periodEnd}).',
        mainComponentNewAfterTwoRepairs:
          'The {component} was repaired {repairs} times under warranty (last returned {lastReturnedDate}); the unit warranty ended {repairEnd} but the {component}’s runs until {end}: a new {component}, free of charge.',
        replacedBy:
          'This unit was replaced in an exchange by the unit with serial {serial}; its warranty passed to that unit, so this one is no longer covered.',
        refunded:
          'This unit was given back for a refund on {refundedOn}; the 三包 duty is fulfilled and it is no longer covered.',
        refundInsteadOfExchange:
          'A customer entitled to an exchange who asks for a refund instead must be refunded (1995 rules for some goods, art. 13).',
        repairExtension:
          '{days} day spent in warranty repair (repairs: {repairs}) does not count: the warranty ends that much later. | {days} days spent in warranty repair (repairs: {repairs}) do not count: the warranty ends that much later.',
        noClaim: 'No fault described: judged as a performance fault of the whole unit.',
        voidUnit: 'Recorded at check-in: {reason}. No 三包 for this unit, but it can be repaired for a fee.',
        voidComponent:
          'Recorded at check-in for the {component}: {reason}. No 三包 for that component, but it can be repaired for a fee.',
        voidBeforePartReplaced:
          'Recorded on {recordedOn}: {reason}. That was before the shop replaced the {component} on {replacedOn}, so it does not void the repair warranty on the replaced part.',
        refundWindow:
          'A performance fault within {refundDays} days of {start} may be refunded; the refund window ends {refundEnd} ({daysLeft}).',
        exchangeWindow:
          'A performance fault within {exchangeDays} days of {start} may be exchanged; the exchange window ends {exchangeEnd} ({daysLeft}).',
        appearanceNoRefundExchange:
          'A cosmetic fault is not a performance fault: no refund or exchange, even within the windows (until {exchangeEnd}).',
        appearanceNotCovered:
          'A cosmetic fault is not one of the listed performance faults: outside 三包, and not under a replaced part’s repair warranty either.',
        secondRepairRule:
          'The same fault ({faultCode}) was repaired {repairs} times under warranty (last returned {lastReturnedDate}) and failed again: an exchange is due (unit warranty until {periodEnd}).',
        repeatFaultHistory:
          'Note: fault {faultCode} was repaired {repairs} times under warranty; one more failure of it entitles the customer to an exchange (for appliances, exchange or refund).',
        accessoryExchange:
          '{component} is a phone accessory with a {months}-month 三包 period until {end} ({daysLeft}): a performance fault gets a new one of the same brand, model and specification, free.',
        accessoryRefund:
          'The {component} was exchanged {exchanges} times under 三包 (last returned {lastReturnedDate}) and still fails: it is refunded, at its invoice price when bought alone, at its price sold alone today when it came with the phone.',
        accessoryNotUnitWindows:
          'The 7-day refund and 15-day exchange (until {exchangeEnd}) are for the phone’s main unit: a faulty {component} gets a new {component}, the phone is not refunded or exchanged.',
        accessoryRemedyGiven: '{component}: {kind} under 三包 on {givenOn} (slip {number}).',
        accessoryRefunded:
          'The {component} was refunded under 三包 on {refundedOn} (slip {number}): its 三包 is fulfilled, it is not exchanged or refunded again; a {component} bought since is covered by its own invoice.',
        unitWindowsAfterAccessoryRemedy:
          'An accessory’s 三包 exchange or refund leaves the phone’s own 7-day refund and 15-day exchange as they were (articles 11 and 12 of the mobile phone rules are the main unit’s).',
        accessoryRefundDeducted:
          'The {component} was already refunded ¥{amount} (slip {number}) and the shop kept it: the phone’s refund is its price less that amount, not paid twice.',
        accessoryNoUnitExchange:
          '{component} is a phone accessory: fault {faultCode} was repaired {repairs} times, but the exchange after two repairs is for the phone’s main unit only; within its own period the accessory is replaced with a new one of the same model, free.',
        repairPeriod:
          'Whole-unit warranty of {repairMonths} months from {start} to {repairEnd} ({daysLeft}): free repair.',
        repairPeriodEnded:
          'The whole-unit warranty ended {repairEnd} ({daysSince} day ago): paid repair. | The whole-unit warranty ended {repairEnd} ({daysSince} days ago): paid repair.',
        componentPeriod: '{component} warranty of {months} months until {end} ({daysLeft}): free repair.',
        componentPeriodEnded:
          'The {component} warranty ended {end} ({daysSince} day ago). | The {component} warranty ended {end} ({daysSince} days ago).',
        partRepairWarranty:
          'The {component} was replaced in a paid repair on {replacedOn} with a {warrantyDays}-day repair warranty until {end} ({daysLeft}): free repair.',
        partRepairWarrantyEnded:
          'The repair warranty on the replaced {component} ended {end} ({daysSince} day ago). | The repair warranty on the replaced {component} ended {end} ({daysSince} days ago).',
        faultDate: 'Judged on the day the fault appeared, {faultDate} (today is {today}).',
        waitingLimitReached:
          'Brought in on {broughtIn}; {cause} since {since}. Not repaired more than {limitDays} days after it was brought in ({article}): the customer may have an exchange from {entitledOn}.',
        waitingLimitAhead:
          'Brought in on {broughtIn}; {cause} since {since}. Unrepaired more than {limitDays} days after it was brought in, the customer may have an exchange ({article}): from {entitledOn} ({daysToGo} day to go). | Brought in on {broughtIn}; {cause} since {since}. Unrepaired more than {limitDays} days after it was brought in, the customer may have an exchange ({article}): from {entitledOn} ({daysToGo} days to go).',
        waitingNoLimit:
          'Brought in on {broughtIn}; {cause} since {since}. The rules for these goods give no exchange for this; the waiting days do not count against the warranty period.'
      },
      waitingCause: {
        parts_not_supplied: 'waiting for the maker to supply parts',
        repairer_delay: 'delayed by the repairer'
      },
      article: {
        goods_1995_art12: '1995 rules for some goods (部分商品), art. 12',
        phones_2001_art16: '2001 rules for mobile phones, art. 16',
        phones_2001_art17: '2001 rules for mobile phones, art. 17',
        computers_2002_art23: '2002 rules for computers, art. 23'
      },
      faultDate: 'Fault appeared on',
      faultDateToday: 'Today (or earlier)',
      judgedOn: 'Judged on',
      waitingNote: ' ({cause} since {since})',
      waitingEntitledOn: 'Exchange due from',
      import: {
        title: 'Import the warranty registry',
        back: 'Back to warranty lookup',
        intro:
          'Import CSV or Excel (XLSX) files as dealers export them. UTF-8 (with or without BOM) and GBK are detected; headers may be Chinese or English. Importing the same serial again never duplicates it.',
        chooseFile: 'Choose file',
        fileHint: 'CSV or XLSX, up to 512 MB',
        uploading: 'Uploading {name}',
        preview: 'Check the columns',
        encoding: 'Encoding',
        encodings: {
          'utf-8': 'UTF-8',
          'utf-8-bom': 'UTF-8 (with BOM)',
          gb18030: 'GBK / GB18030',
          'utf-16le': 'UTF-16LE',
          xlsx: 'Excel workbook (XLSX)'
        },
        mapping: 'Field mapping',
        field: 'Field',
        column: 'Column in the file',
        notInFile: 'Not in the file',
        columnLabel: 'Column {n}: {header}',
        sample: 'First rows of the file',
        defaults: 'When the file has none',
        defaultCategory: 'Default category',
        defaultBrand: 'Default brand',
        run: 'Import',
        restart: 'Choose another file',
        running: 'Importing',
        progress: '{processed} of {total} rows processed',
        progressUnknown: '{processed} rows processed',
        cancel: 'Cancel import',
        cancelConfirm: 'Nothing of this import will be written. Cancel it?',
        phase: {
          uploading: 'Uploading',
          uploaded: 'Uploaded',
          checking: 'Checking every row',
          applying: 'Writing',
          done: 'Import finished',
          cancelled: 'Cancelled; the registry is unchanged',
          failed: 'Import failed'
        },
        imported: 'Added',
        updated: 'Updated',
        unchanged: 'Unchanged',
        rejectedCount: 'Rejected',
        rejected: 'Rejected rows',
        noRejected: 'Every row was imported',
        line: 'Line',
        reason: 'Reason',
        saveRejected: 'Save rejected rows',
        rejectedFile: '{name}-rejected.csv',
        fields: {
          serial: 'Serial / IMEI',
          brand: 'Brand',
          model: 'Model',
          category: 'Category',
          cardNumber: 'Warranty card',
          purchaseDate: 'Purchase date (invoice)',
          invoiceNumber: 'Invoice number',
          dealer: 'Dealer',
          productionDate: 'Production date',
          buyerName: 'Buyer',
          buyerPhone: 'Buyer phone',
          activationDate: 'Activation date'
        },
        serialMissing: 'Serial missing',
        serialInvalid: 'Serial not valid: "{value}" (letters, digits and - / . only, up to 40)',
        serialDuplicate: 'Serial {serial} appears twice in the file (same as line {firstLine})',
        modelMissing: 'Model missing',
        brandMissing: 'Brand missing (a default brand can be set before importing)',
        categoryUnknown: 'Unknown category: "{value}"',
        categoryMissing: 'Category missing: the model is not in the catalogue; give a category or a default one',
        categoryConflict: 'Category differs from the one model {brand} {model} already has ({category})',
        dateInvalid: '{field} is not a valid date: "{value}"',
        dateInFuture: '{field} is after today: "{value}"',
        tooLong: '{field} too long (at most {max} characters)',
        controlCharacter: '{field} contains a control character or a hidden text-direction mark; retype it in the file',
        cardDuplicate: 'Warranty card {cardNumber} appears twice in the file (same as line {firstLine})',
        cardTaken: 'Warranty card {cardNumber} is already registered to serial {serial}',
        notUploading: 'This import is fully uploaded; nothing more can be added',
        chunkOrder: 'File pieces arrived out of order; choose the file again',
        tooManyBytes: 'More was uploaded than the file size; choose the file again',
        uploadIncomplete: 'The file has not finished uploading',
        alreadyRun: 'This file was already imported; choose the file again',
        mappingRequired: 'Pick the columns for "Serial" and "Model"',
        mappingColumn: 'The chosen column is not in the file',
        failed: 'The import failed and the registry is unchanged; try again or call support',
        alreadyApplied: 'The import has finished and can no longer be cancelled',
        jobNotFound: 'This import was not found; choose the file again',
        rejectedShown: 'Showing the first {shown}; save the rejected rows to get all {total}'
      },
      policies: {
        title: 'Warranty policies',
        back: 'Back to warranty lookup',
        intro:
          'Preset from the national 三包 regulations and editable per category. Policies are versioned: each unit is judged by the version in force on the day it was sold.',
        inForce: 'In force today',
        noneInForce: 'No version in force today',
        history: 'Earlier and upcoming versions',
        future: 'Upcoming',
        superseded: 'Superseded',
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
      },
      intake: {
        registryUnit: 'Warranty registry: {brand} {model}'
      }
    }
  }
)
