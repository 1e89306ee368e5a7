import { defineMessages } from '../../i18n/defineMessages'

export const backupsMessages = defineMessages(
  {
    backups: {
      title: '数据备份',
      folder: '备份位置',
      folderLabel: '备份位置：',
      takeNow: '立即备份',
      taken: '备份完成：{takenAt}',
      empty: '还没有备份',
      takenAt: '备份时间',
      reason: '类型',
      size: '大小',
      jobs: '工单',
      customers: '客户',
      payments: '收付款',
      restore: '恢复',
      reasons: { daily: '每日自动', manual: '手动', upgrade: '升级前', restore: '恢复前' },
      restoreTitle: '从备份恢复',
      restoreIntro:
        '恢复会用 {takenAt} 的备份替换当前全部数据。恢复前会先把当前数据另存为一份备份；所有人需要重新登录。备份之后改过的密码、停用或改过角色的账号、锁定的账号、撤销的电脑和与总部的连接，恢复后仍保持现在的样子。',
      thisCopy: '此备份',
      today: '当前数据',
      schemaVersion: '程序版本',
      versions: {
        same: '与本程序相同',
        older: '较早版本的程序生成，恢复时自动升级',
        newer: '更新版本的程序生成，无法恢复'
      },
      tooNew: '此备份由更新版本的程序生成，本程序无法恢复。请先升级程序。',
      confirmRestore: '确认恢复',
      restored: '已恢复 {name}，当前数据已另存为 {safety}',
      kept: {
        after: '{restored}。{kept}',
        intro: '以下在备份之后的变更已保留：',
        passwords: '新密码：{names}',
        accounts: '账号状态和角色：{names}',
        revokedDesks: '仍为已撤销的电脑：{names}',
        lockedOut: '因密码错误次数过多仍被锁定的账号：{names}',
        separator: '；',
        names: '、'
      },
      access: {
        title: '恢复后谁还能使用',
        kept: '以下会保持现在的样子：',
        lostAccounts: '备份之后新建的账号会消失，无法再登录：{names}',
        lostDesks: '备份之后配对的电脑需要重新配对：{names}',
        leavesNoAdmin:
          '不能恢复此备份：其中的管理员在备份之后都已停用或不再是管理员，恢复后将没有可用的管理员。请先在“用户”中重新启用此备份中的一位管理员'
      },
      hq: {
        title: '恢复与总部',
        connectionKept: '恢复后仍使用现在与总部“{hqName}”的连接（备份中的连接已更换或还没有）。',
        sentAgain: '备份之后改过并已发给总部的 {count} 条记录，恢复后会把备份中的样子重新发给总部。',
        heldByHq:
          '总部已收到备份之后新建的 {count} 条记录，恢复后它们仍留在总部；恢复后在本店重新录入的内容会在总部另外出现一次。',
        claims: '其中保修索赔 {count} 笔：总部可能已审核或结算，恢复后本店没有这些索赔，请与总部核对。'
      },
      confirmed: {
        title: '已开出的单号和已删除的客户',
        numbers: '单号从现在的编号接着编，已经开出的号码不会再用一次：{series}',
        erasures: '备份之后已删除个人信息的 {count} 位客户，恢复后会再次删除（备份中他们的工单等也一样）。',
        series: {
          WO: '工单',
          INV: '收款收据',
          CN: '退款单',
          DC: '日结单',
          CP: '投诉单',
          ST: '盘点单',
          FR: '返厂单'
        }
      },
      money: {
        title: '备份之后的收付款',
        dropped:
          '备份之后的 {count} 笔收付款和单据恢复后将不在系统中（收入 {inYuan} 元，付出 {outYuan} 元）：{list}。恢复后它们会列在日结页面和相关工单上，由经理逐笔核对或重新录入；对这些工单再次收款或退款时会先提醒。',
        more: '等 {count} 笔',
        keptDayCloses: '备份之后已做的日结 {numbers} 恢复后仍为已日结（现金已交接），其中的款项不会再次计入下一次日结。'
      },
      dropped: {
        title: '恢复备份时丢失了 {count} 笔收付款记录，请核对',
        hint: '这些收付款发生在所恢复的备份之后，恢复后已不在系统中。请与客户、收据或收款记录核对，需要时重新录入；处理后由经理点“已处理”。',
        kinds: {
          deposit: '定金',
          payment: '收款',
          deposit_return: '退定金',
          refund: '退款',
          invoice: '收据',
          credit_note: '退款单',
          counter_sale: '柜台销售',
          counter_refund: '柜台退货'
        },
        workOrder: '工单 {number}',
        customer: '客户 {name}',
        by: '经手 {name}',
        countedIn: '已计入日结 {number}（现金已交接）',
        dealtWith: '已处理',
        notePrompt: '怎么处理的？（例如：已重新收款、已与客户核对，可不填）',
        noteTitle: '标记为已处理',
        marked: '已标记为已处理',
        countedNotReEntered:
          '这笔款项已由 {date} 的日结 {number} 清点，现金已交接。如果要在系统里重新录入，请先到收银台重新收款或退款（会自动标记为已处理），不要在这里标记。只有确定不会重新录入时才在这里标记；以后若仍重新录入，下一次日结也不会再要这笔现金。',
        notReEntered: '不会重新录入，标记已处理',
        checked: '我已核对上述记录，仍要继续（需经理确认）',
        goOn: '仍要继续'
      },
      droppedMoneyOnRecord:
        '恢复备份时丢失了此单的收付款记录：{records}。客户可能已经付过或已经退过这笔钱，请先核对。核对后可以继续（需经理确认）',
      droppedMoneyNeedsManager: '此单有恢复备份时丢失的收付款记录，继续需要经理确认：请经理输入用户名和密码',
      droppedMoneyAlreadyDealtWith: '此记录已经标记为已处理',
      droppedMoneyCountedNotReEntered:
        '这笔款项已由 {date} 的日结 {dayCloseNumber} 清点（现金已交接），还没有重新录入。请先在收银台重新录入（会自动标记为已处理），或确认它不会再重新录入',
      settings: '备份设置',
      folderPlaceholder: '默认：数据文件夹内的 backups',
      folderHint: '建议选择另一块硬盘、U 盘或网络共享文件夹，填写完整路径',
      dailyTime: '每日备份时间',
      keepDaily: '保留最近',
      keepDailyUnit: '份',
      keepMonthly: '另保留每月第一份',
      keepMonthlyUnit: '个月',
      saved: '备份设置已保存',
      health: {
        title: '数据备份',
        lastGood: '最近一次备份：{at}',
        neverBackedUp: '还没有备份',
        neverBackedUpHint: '备份位置里还没有任何备份。请现在备份一次，之后每天会自动备份',
        stale: '已超过两天没有备份',
        lastCopyFailed: '最近一次备份没有成功，请查看备份位置',
        copyFromFuture: '有一份备份的日期在将来（电脑时钟曾经走快了），请核对电脑的日期和时间；每日备份照常进行',
        folderMissing: '找不到备份位置（U 盘或硬盘是否已连接？）',
        folderNotWritable: '备份位置无法写入',
        lowSpace: '备份位置剩余空间不足',
        open: '查看备份'
      },
      copyDamaged: '此备份已损坏，无法恢复',
      copyNotFound: '找不到该备份',
      copyNotAShop: '此文件不是门店数据的备份（可能是空文件或其他程序的文件），无法恢复',
      copyTooNew: '此备份由更新版本的程序生成（数据版本 {copyVersion}，本程序 {appVersion}），无法恢复',
      folderMissing: '找不到备份位置：{folder}。请连接 U 盘或硬盘，或在备份设置中更换位置',
      folderNotAbsolute: '请填写完整路径（例如 D:\\备份 或 /mnt/backup）',
      notAvailable: '内存数据库无法备份',
      restoreFailed: '无法把备份放回数据文件夹（磁盘是否已满？）。今天的数据没有改动，可以继续使用',
      restoreLeavesNoAdmin:
        '此备份中的管理员账号在备份之后都已停用，恢复后将没有可用的管理员。今天的数据没有改动；请先在“用户”中重新启用此备份中的一位管理员，再恢复'
    }
  },
  {
    backups: {
      title: 'Backups',
      folder: 'Backup folder',
      folderLabel: 'Backup folder: ',
      takeNow: 'Back up now',
      taken: 'Backup taken at {takenAt}',
      empty: 'No backups yet',
      takenAt: 'Taken at',
      reason: 'Kind',
      size: 'Size',
      jobs: 'Jobs',
      customers: 'Customers',
      payments: 'Payments',
      restore: 'Restore',
      reasons: { daily: 'Daily', manual: 'Manual', upgrade: 'Before upgrade', restore: 'Before restore' },
      restoreTitle: 'Restore from a backup',
      restoreIntro:
        'Restoring replaces all of today’s data with the backup taken at {takenAt}. Today’s data is saved as a backup first; everyone will need to sign in again. Passwords changed, accounts deactivated, given another role or locked out, desks revoked and the connection to HQ stay as they are now.',
      thisCopy: 'This backup',
      today: 'Today',
      schemaVersion: 'App version',
      versions: {
        same: 'Same version as this app',
        older: 'Made by an older version: brought up to date when restored',
        newer: 'Made by a newer version: cannot restore'
      },
      tooNew: 'A newer version of the app wrote this backup; this one cannot restore it. Upgrade the app first.',
      confirmRestore: 'Restore',
      restored: 'Restored {name}; today’s data was saved as {safety}',
      kept: {
        after: '{restored}. {kept}',
        intro: 'Kept as they were changed after the backup: ',
        passwords: 'new passwords of {names}',
        accounts: 'account status and role of {names}',
        revokedDesks: 'desks still revoked: {names}',
        lockedOut: 'accounts still locked after too many wrong passwords: {names}',
        separator: '; ',
        names: ', '
      },
      access: {
        title: 'Who can get in after the restore',
        kept: 'These stay as they are now: ',
        lostAccounts: 'Accounts made since the backup will be gone and can no longer sign in: {names}',
        lostDesks: 'Desks paired since the backup will need to pair again: {names}',
        leavesNoAdmin:
          'This backup cannot be restored: its administrators have all been deactivated or given another role since, so no one could administer the restored data. Re-activate one of the backup’s administrators under Users first'
      },
      hq: {
        title: 'The restore and HQ',
        connectionKept:
          'The shop stays connected to HQ “{hqName}” as it is now (the backup holds an older connection, or none).',
        sentAgain:
          'Records changed since the backup that HQ has already received: {count}. The backup’s version of them is sent to HQ again.',
        heldByHq:
          'Records made since the backup that HQ has already received: {count}. They stay at HQ; anything entered again at the shop after the restore reaches HQ a second time.',
        claims:
          'Warranty claims among them: {count}. HQ may have decided or paid them, and the shop will no longer have them: check them with HQ.'
      },
      confirmed: {
        title: 'Numbers issued and customers erased',
        numbers: 'Numbering continues from today’s, so no number already issued is given again: {series}',
        erasures:
          'Customers erased since the backup: {count}. They are erased again after the restore, their jobs in the backup too.',
        series: {
          WO: 'jobs',
          INV: 'receipts',
          CN: 'refund notes',
          DC: 'day closes',
          CP: 'complaints',
          ST: 'stocktakes',
          FR: 'faulty-part returns'
        }
      },
      money: {
        title: 'Money since the backup',
        dropped:
          '{count} payments and documents made since the backup will no longer be in the system after the restore (in: ¥{inYuan}, out: ¥{outYuan}): {list}. After the restore they are listed on the day close and on their jobs, for a manager to check or enter again one by one; charging or refunding those jobs again warns first.',
        more: 'and {count} more',
        keptDayCloses:
          'Day closes made since the backup stay closed after the restore (their cash was handed over), so their money is not counted again by the next close: {numbers}.'
      },
      dropped: {
        title: 'A restore dropped {count} money records: check them',
        hint: 'These payments were made after the backup that was restored, and are no longer in the system. Check them with the customer, the receipts or the payment records and enter them again where needed; a manager then marks each one dealt with.',
        kinds: {
          deposit: 'Deposit',
          payment: 'Payment',
          deposit_return: 'Deposit returned',
          refund: 'Refund',
          invoice: 'Receipt',
          credit_note: 'Refund note',
          counter_sale: 'Counter sale',
          counter_refund: 'Counter refund'
        },
        workOrder: 'job {number}',
        customer: 'customer {name}',
        by: 'by {name}',
        countedIn: 'counted in day close {number} (cash handed over)',
        dealtWith: 'Dealt with',
        notePrompt: 'How was it dealt with? (e.g. charged again, checked with the customer; optional)',
        noteTitle: 'Mark as dealt with',
        marked: 'Marked as dealt with',
        countedNotReEntered:
          'Its money was counted by the close of {date} ({number}), cash handed over. If it is to be entered in the system again, re-enter the payment or refund at the counter first (that marks it dealt with) instead of marking it here. Mark it here only if it will not be re-entered; re-entered later all the same, the next close still does not ask for that cash again.',
        notReEntered: 'Will not be re-entered: mark dealt with',
        checked: 'I have checked the records above and go on (a manager must confirm)',
        goOn: 'Go on'
      },
      droppedMoneyOnRecord:
        'A restore dropped money records of this one: {records}. The customer may already have paid or been refunded; check first. Once checked you may go on (a manager must confirm)',
      droppedMoneyNeedsManager:
        'This one has money records a restore dropped; going on needs a manager: a manager enters their name and password',
      droppedMoneyAlreadyDealtWith: 'This record has already been marked as dealt with',
      droppedMoneyCountedNotReEntered:
        'Its money was counted by the close of {date} ({dayCloseNumber}), cash handed over, and has not been re-entered. Re-enter it at the counter first (that marks it dealt with), or confirm that it will not be re-entered',
      settings: 'Backup settings',
      folderPlaceholder: 'Default: backups in the data folder',
      folderHint: 'Best on another disk, a USB stick or a network share; enter the full path',
      dailyTime: 'Daily backup at',
      keepDaily: 'Keep the last',
      keepDailyUnit: 'copies',
      keepMonthly: 'and the first copy of each of the last',
      keepMonthlyUnit: 'months',
      saved: 'Backup settings saved',
      health: {
        title: 'Backups',
        lastGood: 'Last backup: {at}',
        neverBackedUp: 'No backup yet',
        neverBackedUpHint:
          'The backup folder holds no backup yet. Back up once now; after that a backup is made every day by itself',
        stale: 'No backup for more than two days',
        lastCopyFailed: 'The latest backup failed; check the backup folder',
        copyFromFuture:
          'A backup is dated in the future (the PC’s clock once ran ahead); check the PC’s date and time. Daily backups go on as usual',
        folderMissing: 'The backup folder is missing (is the USB stick or disk connected?)',
        folderNotWritable: 'The backup folder cannot be written to',
        lowSpace: 'The backup folder is running out of space',
        open: 'See backups'
      },
      copyDamaged: 'This backup is damaged and cannot be restored',
      copyNotFound: 'That backup cannot be found',
      copyNotAShop: 'This file holds no shop’s data (it may be empty or another program’s file); it cannot be restored',
      copyTooNew:
        'A newer version of the app wrote this backup (data version {copyVersion}, this app {appVersion}); it cannot be restored',
      folderMissing:
        'The backup folder {folder} is missing. Connect the USB stick or disk, or choose another folder in the backup settings',
      folderNotAbsolute: 'Enter the full path (e.g. D:\\Backups or /mnt/backup)',
      notAvailable: 'An in-memory database cannot be backed up',
      restoreFailed:
        'The backup could not be put back in the data folder (is the disk full?). Today’s data is unchanged and still in use',
      restoreLeavesNoAdmin:
        'Every administrator in this backup has been deactivated since it was taken, so no one could administer the restored data. Today’s data is unchanged; re-activate one of the backup’s administrators under Users first, then restore'
    }
  }
)
