import type { Random } from './random'

/** Common surnames, roughly by how often they occur; a few two-character ones for variety. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 70],
  ['张', 66],
  ['刘', 54],
  ['陈', 46],
  ['杨', 34],
  ['黄', 25],
  ['赵', 21],
  ['吴', 20],
  ['周', 20],
  ['徐', 15],
  ['孙', 14],
  ['马', 13],
  ['朱', 13],
  ['胡', 12],
  ['郭', 11],
  ['何', 11],
  ['林', 10],
  ['罗', 10],
  ['高', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 8],
  ['宋', 7],
  ['唐', 7],
  ['许', 7],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 4],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 2],
  ['夏', 2],
  ['韦', 2],
  ['方', 2],
  ['白', 2],
  ['邹', 2],
  ['孟', 2],
  ['熊', 2],
  ['秦', 2],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 2],
  ['史', 2],
  ['黎', 2],
  ['贺', 2],
  ['顾', 2],
  ['毛', 2],
  ['龚', 2],
  ['邵', 2],
  ['万', 2],
  ['单', 1],
  ['欧阳', 1],
  ['司马', 0.3],
  ['诸葛', 0.2],
  ['上官', 0.3]
]

const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉华建国志文斌宇浩凯鹏飞俊晨峰鑫波健亮成彬博子轩浩然宇航睿哲嘉豪'
const GIVEN_FEMALE = '芳娜秀英敏静丽艳娟霞桂兰玉红梅琳婷雪倩颖慧佳欣怡涵梓萱雨思琪语嫣晓燕美'

export function chineseName(random: Random): string {
  const surname = random.weighted(SURNAMES)
  const pool = random.chance(0.5) ? GIVEN_MALE : GIVEN_FEMALE
  const given = random.chance(0.3) ? random.pick([...pool]) : random.pick([...pool]) + random.pick([...pool])
  return surname + given
}

/** Mainland mobile prefixes of the three carriers (and a few MVNO ranges). */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199'
]

/** Hands out 11-digit mobiles, each only once (a mobile identifies one customer). */
export class MobileBook {
  private readonly used = new Set<string>()

  constructor(reserved: Iterable<string> = []) {
    for (const mobile of reserved) this.used.add(mobile)
  }

  next(random: Random): string {
    for (;;) {
      const mobile = random.pick(MOBILE_PREFIXES) + random.digits(8)
      if (!this.used.has(mobile)) {
        this.used.add(mobile)
        return mobile
      }
    }
  }
}

const DISTRICTS: readonly (readonly [string, readonly string[]])[] = [
  ['天河区', ['天河路', '体育西路', '天河北路', '黄埔大道西', '中山大道西', '林和西路', '龙口东路', '五山路']],
  ['越秀区', ['环市东路', '解放北路', '中山五路', '东风中路', '北京路', '农林下路']],
  ['海珠区', ['江南大道中', '工业大道中', '新港西路', '宝岗大道', '昌岗中路']],
  ['荔湾区', ['中山七路', '芳村大道中', '康王中路', '龙津西路']],
  ['白云区', ['白云大道北', '机场路', '广园中路', '同和路', '嘉禾望岗']],
  ['番禺区', ['市桥街环城中路', '迎宾路', '兴南大道', '大石街105国道']],
  ['黄埔区', ['黄埔东路', '开创大道', '科学大道', '香雪大道']]
]
const ESTATES = [
  '金碧花园',
  '丽江花园',
  '华景新城',
  '骏景花园',
  '祈福新邨',
  '保利花园',
  '锦绣香江',
  '汇景新城',
  '远洋天骄',
  '中海花城湾'
]

export function address(random: Random): string {
  const [district, streets] = random.pick(DISTRICTS)
  if (random.chance(0.4)) return `广州市${district}${random.pick(streets)}${random.int(1, 480)}号`
  return `广州市${district}${random.pick(streets)}${random.int(1, 480)}号${random.pick(ESTATES)}${random.int(1, 32)}栋${random.int(1, 33)}0${random.int(1, 6)}`
}

const COMPANY_CITIES = ['广州市', '广州', '佛山市', '东莞市', '深圳市']
const COMPANY_WORDS = [
  '恒达',
  '瑞丰',
  '华信',
  '永盛',
  '金桥',
  '鼎泰',
  '创维',
  '嘉禾',
  '宏图',
  '联众',
  '新宇',
  '安泰',
  '百川',
  '众诚',
  '汇通',
  '德信',
  '博远',
  '天成'
]
const COMPANY_TRADES = [
  '电子科技',
  '电器贸易',
  '物业管理',
  '餐饮管理',
  '信息技术',
  '酒店管理',
  '家电销售',
  '建筑工程',
  '物流',
  '商贸'
]

export function company(random: Random): string {
  return `${random.pick(COMPANY_CITIES)}${random.pick(COMPANY_WORDS)}${random.pick(COMPANY_TRADES)}有限公司`
}

/** Fragments the front desk would type to find a company customer. */
export const COMPANY_FRAGMENTS = ['恒达', '电子', '物业', '科技', '酒店', '瑞丰', '贸易', '物流'] as const

const NOTES = [
  '只在工作日下午方便接电话',
  '老客户，介绍过朋友来修',
  '要求上门取送',
  '发票抬头开公司',
  '怕吵，别在中午打电话',
  '取机时需本人到场'
]

export interface CustomerDraft {
  name: string
  mobile: string
  otherPhones: string[]
  address: string
  company: string
  notes: string
  tags: string[]
}

/** One walk-in customer: a name and mobile always, the rest as often as a counter records it. */
export function customerDraft(random: Random, mobiles: MobileBook): CustomerDraft {
  const isCompany = random.chance(0.15)
  const tags: string[] = []
  if (random.chance(0.04)) tags.push('VIP')
  if (isCompany && random.chance(0.3)) tags.push('经销商')
  return {
    name: chineseName(random),
    mobile: mobiles.next(random),
    otherPhones: random.chance(0.06) ? [`020-${random.int(3, 8)}${random.digits(3)} ${random.digits(4)}`] : [],
    address: random.chance(0.7) ? address(random) : '',
    company: isCompany ? company(random) : '',
    notes: random.chance(0.05) ? random.pick(NOTES) : '',
    tags
  }
}
