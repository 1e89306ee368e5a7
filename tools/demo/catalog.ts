import type { Random } from './random'

export type DeviceKind = 'phone' | 'laptop' | 'tv' | 'air_conditioner' | 'washing_machine'

/** A typical fault of a kind of device, with the codes a technician would record for it. */
export interface Fault {
  reported: string
  symptom: string
  location: string
  cause: string
  diagnosis: string
  labour: string
  minutes: number
  labourFen: number
  partsFen: number
}

interface Kind {
  kind: DeviceKind
  /** How often this kind comes over the counter. */
  weight: number
  brands: readonly { brand: string; models: readonly string[] }[]
  colours: readonly string[]
  serial: (random: Random) => string
  faults: readonly Fault[]
  installations: readonly string[]
}

const fault = (
  reported: string,
  symptom: string,
  location: string,
  cause: string,
  diagnosis: string,
  labour: string,
  minutes: number,
  labourYuan: number,
  partsYuan: number
): Fault => ({
  reported,
  symptom,
  location,
  cause,
  diagnosis,
  labour,
  minutes,
  labourFen: labourYuan * 100,
  partsFen: partsYuan * 100
})

/** IMEI-like: 8-digit type code of a Chinese-market handset plus a serial part. */
const imei = (random: Random) => `86${random.digits(13)}`

export const KINDS: readonly Kind[] = [
  {
    kind: 'phone',
    weight: 45,
    brands: [
      {
        brand: '华为',
        models: ['Mate 60 Pro', 'Mate 60', 'Pura 70 Pro', 'P60', 'nova 12', 'nova 11 SE', '畅享 70', 'Mate X5']
      },
      { brand: '荣耀', models: ['Magic6 Pro', '90 GT', 'X50', 'Play8T'] },
      { brand: '小米', models: ['14', '14 Pro', '13 Ultra', 'Redmi K70', 'Redmi Note 13 Pro', 'Redmi 13C'] },
      { brand: 'OPPO', models: ['Find X7', 'Reno11', 'A2 Pro', 'K11'] },
      { brand: 'vivo', models: ['X100 Pro', 'X100', 'S18', 'Y36', 'iQOO 12', 'iQOO Neo9'] },
      { brand: 'Apple', models: ['iPhone 15 Pro Max', 'iPhone 15', 'iPhone 14', 'iPhone 13', 'iPhone 12'] },
      { brand: '三星', models: ['Galaxy S24 Ultra', 'Galaxy Z Flip5', 'Galaxy A54'] }
    ],
    colours: ['曜石黑', '雅川青', '雪域白', '远峰蓝', '星光色', '午夜色', '钛金属'],
    serial: imei,
    faults: [
      fault(
        '屏幕摔碎，部分区域触摸失灵',
        'S03',
        'L02',
        'C04',
        '外屏及显示层碎裂，需更换屏幕总成',
        '更换屏幕总成',
        40,
        80,
        890
      ),
      fault('充电很慢，有时充不进电', 'S04', 'L04', 'C01', '尾插触点氧化，接触不良', '更换尾插小板', 30, 50, 120),
      fault(
        '电池不耐用，半天就没电，后盖有点鼓',
        'S05',
        'L03',
        'C01',
        '电池老化鼓包，健康度 71%',
        '更换电池',
        30,
        50,
        199
      ),
      fault(
        '掉进水里后无法开机',
        'S06',
        'L01',
        'C03',
        '主板进液腐蚀，供电电路短路',
        '主板清洗及更换供电芯片',
        120,
        150,
        460
      ),
      fault(
        '经常自动重启，卡在开机画面',
        'S10',
        'L11',
        'C06',
        '系统分区损坏，备份后刷机恢复',
        '刷机及数据备份',
        60,
        80,
        0
      ),
      fault('后置摄像头拍照模糊、对不上焦', 'S09', 'L05', 'C01', '主摄对焦马达失效', '更换后置主摄模组', 45, 60, 380),
      fault('打电话对方听不到声音', 'S08', 'L06', 'C01', '送话器故障', '更换送话器排线', 40, 60, 90),
      fault('插卡显示无服务，没有信号', 'S07', 'L01', 'C02', '射频前端虚焊', '主板射频芯片补焊', 90, 120, 0),
      fault('突然黑屏不开机', 'S01', 'L01', 'C01', '主板 CPU 虚焊，需更换主板', '更换主板', 60, 100, 1680)
    ],
    installations: []
  },
  {
    kind: 'laptop',
    weight: 15,
    brands: [
      { brand: '联想', models: ['小新 Pro 14', 'ThinkPad X1 Carbon', '拯救者 Y9000P', 'ThinkBook 14+'] },
      { brand: '华为', models: ['MateBook 14', 'MateBook X Pro', 'MateBook D 16'] },
      { brand: '小米', models: ['Redmi Book Pro 15', 'Book Pro 14'] },
      { brand: '戴尔', models: ['灵越 14 Plus', 'XPS 13'] },
      { brand: '惠普', models: ['战66 六代', '星Book Pro 14'] },
      { brand: '华硕', models: ['无畏 Pro15', '天选 5'] },
      { brand: 'Apple', models: ['MacBook Air M2', 'MacBook Pro 14 M3'] }
    ],
    colours: ['深空灰', '银色', '皓月银', '碳晶黑'],
    serial: (random) => random.alphanumeric(10),
    faults: [
      fault('按电源键没反应，无法开机', 'S01', 'L01', 'C01', '主板供电 MOS 管击穿', '主板维修', 120, 200, 350),
      fault('屏幕闪烁，有彩色横纹', 'S02', 'L02', 'C02', '屏线接触不良，屏幕本体正常', '更换屏线', 60, 120, 180),
      fault('键盘有几个键按了没反应', 'S99', 'L07', 'C05', '键盘进液导致部分按键失灵', '更换键盘', 60, 100, 260),
      fault('咖啡洒到键盘上后死机', 'S06', 'L01', 'C03', '主板进液腐蚀', '主板清洗维修', 180, 300, 600),
      fault('电池充不满，拔电就关机', 'S05', 'L03', 'C01', '电池循环超 900 次，容量衰减', '更换电池', 40, 80, 480),
      fault(
        '风扇声音很大，发烫',
        'S13',
        'L10',
        'C01',
        '风扇轴承磨损，散热硅脂干涸',
        '更换风扇并清灰换硅脂',
        60,
        120,
        150
      ),
      fault('主板烧了，开机有焦味', 'S01', 'L01', 'C01', '主板短路烧毁，需更换主板', '更换主板', 90, 200, 2600)
    ],
    installations: []
  },
  {
    kind: 'tv',
    weight: 14,
    brands: [
      { brand: '海信', models: ['65E5K', '75E7K', '55A6K', 'E8K 65英寸'] },
      { brand: 'TCL', models: ['65T7K', '75Q10K', '55V8G'] },
      { brand: '小米', models: ['Redmi A75', '电视 S Pro 65'] },
      { brand: '创维', models: ['65A7E', '55A3D'] },
      { brand: '长虹', models: ['65D6P'] },
      { brand: '索尼', models: ['XR-65X90L'] }
    ],
    colours: [''],
    serial: (random) => random.alphanumeric(14),
    faults: [
      fault('开机待机灯闪，一直不亮屏', 'S01', 'L08', 'C01', '电源板滤波电容鼓包', '更换电源板', 60, 120, 320),
      fault('有声音没图像', 'S02', 'L02', 'C01', '背光灯条烧坏', '更换背光灯条', 120, 200, 380),
      fault('屏幕上有几条竖线', 'S02', 'L02', 'C02', '屏 COF 虚接，需更换屏幕', '更换屏幕模组', 120, 300, 2800),
      fault('没有声音', 'S08', 'L06', 'C01', '功放芯片损坏', '主板功放维修', 60, 120, 90),
      fault('开机很卡，经常死机', 'S10', 'L11', 'C06', '系统数据损坏', '系统升级恢复', 40, 80, 0)
    ],
    installations: ['电视挂墙安装', '新机上门安装调试']
  },
  {
    kind: 'air_conditioner',
    weight: 14,
    brands: [
      { brand: '格力', models: ['云佳 KFR-35GW/NhGd1B', '云锦 KFR-26GW/NhAe1BAj', '天丽 KFR-72LW'] },
      { brand: '美的', models: ['风酷 KFR-35GW/N8XHC1', '酷省电 KFR-26GW/N8KS1-1'] },
      { brand: '海尔', models: ['静悦 KFR-35GW/01KGC81U1', '劲爽 KFR-26GW/02KBB83U1'] },
      { brand: '奥克斯', models: ['KFR-35GW/BpR3AQJ600'] },
      { brand: 'TCL', models: ['KFR-35GW/JV2Ea+B1'] },
      { brand: '海信', models: ['KFR-35GW/E370-X1'] }
    ],
    colours: ['白色'],
    serial: (random) => `${random.digits(6)}${random.alphanumeric(4)}${random.digits(8)}`,
    faults: [
      fault('不制冷，吹出来是热风', 'S11', 'L09', 'C01', '压缩机启动电容失效', '更换压缩机电容', 60, 150, 80),
      fault('制冷效果差', 'S11', 'L99', 'C01', '系统缺氟，管路接头慢漏', '补漏并加注冷媒', 90, 200, 150),
      fault('室内机往下滴水', 'S12', 'L99', 'C05', '排水管弯折，接水盘脏堵', '疏通排水并清洗', 45, 120, 0),
      fault('外机响声很大', 'S13', 'L10', 'C01', '外风机轴承磨损', '更换外风机电机', 90, 180, 260),
      fault('开机显示 E1 故障', 'S01', 'L01', 'C01', '室外机主板通讯电路损坏', '更换室外机主板', 60, 150, 420),
      fault('压缩机不启动，完全不制冷', 'S11', 'L09', 'C02', '压缩机卡缸', '更换压缩机', 240, 400, 1500)
    ],
    installations: ['空调移机安装', '新机安装', '拆机及加装铜管']
  },
  {
    kind: 'washing_machine',
    weight: 12,
    brands: [
      { brand: '海尔', models: ['EG100MATE35S', 'XQG100-BD14126L', '统帅 TQG100-@B1216'] },
      { brand: '小天鹅', models: ['TG100V88WMUIADY5', '水魔方 TG100RFTEC-T51B'] },
      { brand: '美的', models: ['MG100V11F', 'MD100VT55DG-Y46B'] },
      { brand: '西门子', models: ['XQG100-WG52A108AW'] },
      { brand: '松下', models: ['XQG100-3GD3S'] },
      { brand: '博世', models: ['WGA254X00W'] }
    ],
    colours: ['白色', '钛晶灰'],
    serial: (random) => random.alphanumeric(16),
    faults: [
      fault(
        '不脱水，衣服湿淋淋的',
        'S99',
        'L10',
        'C01',
        '排水泵堵塞导致无法进入脱水',
        '清理并更换排水泵',
        60,
        120,
        110
      ),
      fault('底部漏水', 'S12', 'L99', 'C01', '门封圈老化破损', '更换门封圈', 60, 120, 180),
      fault('甩干时震动很大，会移位', 'S13', 'L10', 'C05', '运输螺栓未拆，减震器受损', '更换减震器', 60, 150, 160),
      fault('显示 E21 故障码，不排水', 'S99', 'L01', 'C01', '电脑板排水控制电路损坏', '更换电脑板', 45, 100, 380),
      fault('滚筒不转，有嗡嗡声', 'S13', 'L10', 'C01', '变频电机损坏', '更换变频电机', 120, 200, 1200)
    ],
    installations: ['新机上门安装', '嵌入式安装']
  }
]

export interface DeviceDraft {
  kind: DeviceKind
  brand: string
  model: string
  serial: string
  colour: string
  purchaseDate: string | null
}

/** Hands out serial numbers, each only once (one serial, one device). */
export class SerialBook {
  private readonly used = new Set<string>()

  next(random: Random, kind: DeviceKind): string {
    for (;;) {
      const serial = kindOf(kind).serial(random)
      if (!this.used.has(serial)) {
        this.used.add(serial)
        return serial
      }
    }
  }
}

export function kindOf(kind: DeviceKind): Kind {
  return KINDS.find((k) => k.kind === kind)!
}

/** A device as customers bring them: mostly phones, then laptops and home appliances. */
export function deviceDraft(random: Random, serials: SerialBook, today: Date): DeviceDraft {
  const kind = random.weighted(KINDS.map((k) => [k, k.weight] as const))
  const { brand, models } = random.pick(kind.brands)
  const bought = new Date(today.getTime() - random.int(30, 1400) * 86_400_000)
  return {
    kind: kind.kind,
    brand,
    model: random.pick(models),
    serial: serials.next(random, kind.kind),
    colour: random.pick(kind.colours),
    purchaseDate: random.chance(0.6) ? bought.toISOString().slice(0, 10) : null
  }
}
