import { defineMessages } from '../../i18n/defineMessages'

export const syncMessages = defineMessages(
  {
    sync: {
      title: '同步',
      intro:
        '本店数据在本机保存，连接总部时自动同步：每隔几分钟上传本店的变更，并下载总部的保修登记、政策、配件目录、故障代码、技术通告和索赔结果。总部连不上时柜台照常工作，变更会排队等待。',
      notEnrolledYet: '本店尚未加入总部网络。',
      joinBelow:
        '本店属于品牌或总部的服务网络时，在下方“加入总部网络”填写总部给的地址和加入码即可加入。独立经营的店铺无需操作，本机照常工作。',
      joinByAdmin:
        '本店属于品牌或总部的服务网络时，由管理员登录本机，在本页（同步）用总部给的地址和加入码加入。独立经营的店铺无需操作，本机照常工作。',
      hq: '总部',
      hqUrl: '总部地址',
      shopId: '本店编号',
      enrolledAt: '加入时间',
      fingerprint: '总部证书指纹',
      lastSuccess: '上次成功同步',
      lastAttempt: '上次尝试',
      never: '从未',
      waiting: '待上传的变更',
      running: '正在同步…',
      syncNow: '立即同步',
      started: '已开始同步',
      healthy: '同步正常',
      failures: '已连续失败 {n} 次，系统会稍后自动重试',
      late: '已超过 {hours} 小时没有成功同步，上次成功同步：{when}。请检查网络和本店服务器是否一直开着；若一直如此请联系总部。',
      stuck: {
        title: '总部拒收了一批变更（第 {first} 号起共 {count} 条），这批及之后的变更都在等待；总部的数据照常下载。',
        changeNamed: '总部指出的变更：第 {seq} 号，{entity} {id}。',
        changeFirst: '这批的第一条变更：第 {seq} 号，{entity} {id}。',
        refusal: '总部的答复：{refusal}（{when} 起）。',
        support: '请把以上内容告诉总部技术支持：本店编号 {shopId}，批次 {batchId}。'
      },
      held: {
        title: '{count} 条变更暂缓上传：总部拒收了其中 {refused} 条，其余变更照常上传。',
        explain:
          '被拒收的变更保存在本店，不会丢失；同一记录之后的变更在它后面等待，以免总部收到的顺序颠倒。请把总部的答复告诉总部技术支持（本店编号 {shopId}），总部确认已处理后，点“重新上传”。',
        change: '变更',
        changeText: '第 {seq} 号，{entity} {id}',
        refusal: '总部的答复',
        since: '拒收时间',
        behind: '之后等待的变更',
        sendAgain: '重新上传',
        sentAgain: '已重新上传，正在同步'
      },
      refusedRows: {
        title: '总部发来的 {count} 条数据本店没有采用：金额或状态对不上，其余数据已照常更新。',
        explain:
          '这些数据原样保存在本店，相应的索赔保持原状，没有记为已结算。请把下面的原因告诉总部技术支持（本店编号 {shopId}）；总部改正后重新发来，下次同步时会自动采用。',
        data: '数据',
        record: '工单',
        reason: '原因',
        since: '收到时间',
        rawFen: '{fen} 分',
        reasons: {
          paidOverApproved: '实付 {paidFen} 超过批准金额 {approvedFen}',
          paidNotWholeFen: '实付 {paidFen} 不是有效金额（须至少 1 分，精确到分）',
          paidNotApproved: '索赔尚未获批，却带有实付 {paidFen}'
        }
      },
      tables: '已下载的总部数据',
      table: '数据',
      cursor: '已同步到',
      remaining: '尚待下载',
      updatedAt: '更新时间',
      tableNames: {
        registryUnits: '保修登记',
        warrantyPolicies: '保修政策',
        catalogueParts: '配件目录',
        faultCodes: '故障代码',
        serviceBulletins: '技术通告',
        claimDecisions: '索赔结果',
        returnBatchStatus: '旧件返还'
      },
      problem: {
        unreachable: '连不上总部：请检查网络，或总部服务器是否在运行。变更已保存在本店，恢复后会自动上传。',
        certificateChanged: '总部的证书与加入时确认的不一致，为安全起见已停止同步。请联系总部核实后重新加入。',
        keyInvalid: '总部不认识本店的密钥。请向总部索取新的加入码并重新加入。',
        keyRevoked: '总部已停用本店的密钥。请向总部索取新的加入码并重新加入。',
        codeInvalid: '加入码不正确。',
        codeExpired: '加入码已使用或已过期。',
        hqRefused: '总部拒绝了本次同步，请稍后再试；若一直如此请联系总部。',
        keyUnreadable: '本机保存的总部密钥无法读取（密钥文件已更换）。请重新加入总部。',
        unexpected: '同步出错，系统会稍后自动重试。'
      },
      enrol: {
        title: '加入总部网络',
        again: '重新加入',
        hint: '填写总部地址，读取总部证书，与总部提供的指纹核对一致后，输入总部给的一次性加入码。',
        readCertificate: '读取证书',
        confirmFingerprint: '我已核对：此指纹与总部提供的一致',
        code: '加入码',
        submit: '加入',
        done: '已加入 {hq}'
      },
      // Errors the shop server answers with.
      certificateChanged: '总部的证书与确认的指纹不一致，未发送任何数据',
      enrolCodeExpired: '加入码已使用或已过期，请向总部索取新的加入码',
      enrolCodeInvalid: '加入码不正确',
      hqOwned:
        '本店已加入总部网络，保修政策、配件目录中配件的名称、说明、单位和索赔价等数据由总部维护，不能在本店修改；总部的更新会自动同步过来',
      hqRefused: '总部拒绝了请求，请稍后再试或联系总部',
      hqUnreachable: '连不上总部，请检查地址和网络',
      notEnrolled: '本店尚未加入总部网络',
      notHeld: '这条变更已不在暂缓之列，请刷新页面'
    }
  },
  {
    sync: {
      title: 'Sync',
      intro:
        "The shop's data lives here and syncs with HQ whenever HQ can be reached: every few minutes the shop's changes go up, and HQ's warranty registry, policies, parts catalogue, fault codes, service bulletins and claim decisions come down. When HQ cannot be reached the counter works as usual and changes wait in line.",
      notEnrolledYet: 'This shop has not joined the HQ network yet.',
      joinBelow:
        "If the shop belongs to a brand's or HQ's service network, join it below under Join the HQ network, with the address and enrolment code HQ gave you. A shop on its own needs to do nothing: this PC works as it is.",
      joinByAdmin:
        "If the shop belongs to a brand's or HQ's service network, an administrator signs in and joins it on this page (Sync), with the address and enrolment code HQ gave. A shop on its own needs to do nothing: this PC works as it is.",
      hq: 'HQ',
      hqUrl: 'HQ address',
      shopId: 'Shop ID',
      enrolledAt: 'Joined',
      fingerprint: "HQ's certificate fingerprint",
      lastSuccess: 'Last successful sync',
      lastAttempt: 'Last attempt',
      never: 'Never',
      waiting: 'Changes waiting to go up',
      running: 'Syncing…',
      syncNow: 'Sync now',
      started: 'Sync started',
      healthy: 'Sync is working',
      failures: 'Failed {n} times in a row; it will try again by itself',
      late: 'No successful sync for more than {hours} hours; the last was {when}. Check the network and that the shop server stays on; call HQ if it keeps happening.',
      stuck: {
        title:
          'HQ refuses a batch of changes ({count} from no. {first}): it and the changes after it wait; HQ’s data still comes down.',
        changeNamed: 'The change HQ named: no. {seq}, {entity} {id}.',
        changeFirst: 'The first change of the batch: no. {seq}, {entity} {id}.',
        refusal: 'HQ answered: {refusal} (since {when}).',
        support: 'Tell HQ support this: shop ID {shopId}, batch {batchId}.'
      },
      held: {
        title: 'Changes held: {count}, of which HQ refused {refused}; every other change goes up as usual.',
        explain:
          'A refused change is kept here, never lost; the later changes of the same record wait behind it, so HQ never gets them out of order. Tell HQ support what HQ answered (shop ID {shopId}); once HQ says it is fixed, press "Send again".',
        change: 'Change',
        changeText: 'no. {seq}, {entity} {id}',
        refusal: 'HQ answered',
        since: 'Refused at',
        behind: 'Waiting behind it',
        sendAgain: 'Send again',
        sentAgain: 'Sent again; syncing now'
      },
      refusedRows: {
        title:
          'Rows from HQ not applied: {count}. Their amount or status does not add up; everything else was updated as usual.',
        explain:
          'These rows are kept here as HQ sent them; their claims stay as they were and are not settled. Tell HQ support the reason below (shop ID {shopId}); once HQ sends them corrected, the next sync applies them.',
        data: 'Data',
        record: 'Job',
        reason: 'Reason',
        since: 'Received at',
        rawFen: '{fen} fen',
        reasons: {
          paidOverApproved: 'Paid {paidFen} is more than the approved {approvedFen}',
          paidNotWholeFen: 'Paid {paidFen} is not a valid amount (at least 1 fen, in whole fen)',
          paidNotApproved: 'The claim is not approved, yet a payment of {paidFen} came with it'
        }
      },
      tables: "HQ's data received",
      table: 'Data',
      cursor: 'Up to',
      remaining: 'Still to receive',
      updatedAt: 'Updated',
      tableNames: {
        registryUnits: 'Warranty registry',
        warrantyPolicies: 'Warranty policies',
        catalogueParts: 'Parts catalogue',
        faultCodes: 'Fault codes',
        serviceBulletins: 'Service bulletins',
        claimDecisions: 'Claim decisions',
        returnBatchStatus: 'Faulty-part returns'
      },
      problem: {
        unreachable:
          "HQ cannot be reached: check the network, or whether HQ's server is running. Changes are kept here and go up when it is back.",
        certificateChanged:
          "HQ's certificate is not the one confirmed when the shop joined, so syncing stopped to be safe. Check with HQ, then join again.",
        keyInvalid: "HQ does not know this shop's key. Ask HQ for a new enrolment code and join again.",
        keyRevoked: "HQ has revoked this shop's key. Ask HQ for a new enrolment code and join again.",
        codeInvalid: 'The enrolment code is wrong.',
        codeExpired: 'The enrolment code was used already or has expired.',
        hqRefused: 'HQ refused this sync; try again later, and call HQ if it keeps happening.',
        keyUnreadable: 'The HQ key kept on this computer cannot be read (the key file was replaced). Join HQ again.',
        unexpected: 'Sync failed; it will try again by itself.'
      },
      enrol: {
        title: 'Join the HQ network',
        again: 'Join again',
        hint: "Enter HQ's address and read its certificate; when the fingerprint matches the one HQ gave you, enter HQ's one-time enrolment code.",
        readCertificate: 'Read certificate',
        confirmFingerprint: 'I have checked: this fingerprint is the one HQ gave me',
        code: 'Enrolment code',
        submit: 'Join',
        done: 'Joined {hq}'
      },
      certificateChanged: "HQ's certificate does not match the confirmed fingerprint; nothing was sent",
      enrolCodeExpired: 'The enrolment code was used already or has expired: ask HQ for a new one',
      enrolCodeInvalid: 'The enrolment code is wrong',
      hqOwned:
        'This shop belongs to the HQ network: warranty policies and the names, descriptions, units and claim prices of catalogue parts are kept by HQ and cannot be changed here; HQ’s updates arrive by themselves',
      hqRefused: 'HQ refused the request; try again later or call HQ',
      hqUnreachable: 'HQ cannot be reached: check the address and the network',
      notEnrolled: 'This shop has not joined the HQ network yet',
      notHeld: 'This change is no longer held; refresh the page'
    }
  }
)
