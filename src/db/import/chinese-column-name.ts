/**
 * A Chinese name for an English column header the dictionary does not know, word by word from a
 * glossary of words common in customer exports ("Sales Region" → 销售地区, "Support calls" → 客服来电).
 * Undefined when a word is not in the glossary: a half-translated name reads worse than the English.
 */
const words: Record<string, string> = {
  account: '账户', accounts: '账户', active: '活跃', activity: '活跃度', age: '年龄', amount: '金额', annual: '年度', app: '应用',
  area: '区域', auto: '自动', average: '平均', avg: '平均', balance: '余额', band: '档', bill: '账单', billing: '计费', branch: '网点',
  call: '来电', calls: '来电', card: '卡', category: '类别', channel: '渠道', charge: '费用', charges: '费用', city: '城市',
  class: '等级', client: '客户', clients: '客户', company: '公司', complaint: '投诉', complaints: '投诉', contract: '合同',
  count: '次数', country: '国家', credit: '信用', customer: '客户', customers: '客户', daily: '每日', data: '数据', date: '日期',
  day: '天', days: '天数', department: '部门', device: '设备', discount: '折扣', district: '区', downloads: '下载量', duration: '时长',
  education: '学历', email: '邮件', employee: '员工', employees: '员工数', engagement: '参与度', family: '家庭', fee: '费用',
  fees: '费用', feature: '功能', features: '功能', gender: '性别', group: '组', income: '收入', industry: '行业', internet: '互联网',
  language: '语言', last: '最近', level: '级别', license: '许可', licenses: '许可数', limit: '额度', location: '地点', login: '登录',
  logins: '登录次数', loyalty: '忠诚度', marital: '婚姻', market: '市场', member: '会员', membership: '会员资格', method: '方式',
  minutes: '分钟数', mobile: '手机', month: '月', monthly: '每月', months: '月数', network: '网络', number: '数量', offer: '优惠',
  online: '在线', order: '订单', orders: '订单数', owner: '负责人', package: '套餐', partner: '伴侣', payment: '付款',
  payments: '付款', plan: '套餐', points: '积分', premium: '高级', price: '价格', priority: '优先级', product: '产品',
  products: '产品数', province: '省份', purchase: '购买', purchases: '购买次数', rating: '评分', region: '地区', renew: '续费',
  renewal: '续约', revenue: '收入', sales: '销售', satisfaction: '满意度', score: '评分', seats: '席位数', segment: '细分市场',
  service: '服务', services: '服务', sessions: '会话数', signup: '注册', size: '规模', source: '来源', spend: '消费', state: '州',
  status: '状态', store: '门店', subscription: '订阅', support: '客服', team: '团队', tenure: '在网时长', territory: '区域',
  tickets: '工单数', ticket: '工单', tier: '等级', time: '时间', total: '总', trial: '试用', type: '类型', usage: '使用量',
  user: '用户', users: '用户数', value: '价值', visits: '访问次数', week: '周', weekly: '每周', year: '年', years: '年数',
  yearly: '每年', zone: '区域', contacts: '联系次数', transactions: '交易次数', inactive: '不活跃', referral: '推荐', referrals: '推荐数',
}
const ignored = new Set(['of', 'the', 'a', 'an', 'per', 'in', 'on', 'to', 'for', 'and', 'by', 'is', 'has', 'with'])

export function chineseColumnName(en: string): string | undefined {
  const note = /\s*\(([^()]{1,16})\)\s*$/.exec(en)
  const base = note ? en.slice(0, note.index) : en
  const tokens = base.toLowerCase().split(/[^a-z]+/).filter((w) => w && !ignored.has(w))
  if (!tokens.length) return undefined
  // "Number of products" is a count of products: 产品数, not 数量产品数.
  const counted = tokens[0] === 'number' && tokens.length > 1
  const parts = (counted ? tokens.slice(1) : tokens).map((w) => words[w])
  if (parts.some((p) => p === undefined)) return undefined
  const name = parts.join('')
  return (counted && !name.endsWith('数') ? `${name}数` : name) + (note ? `（${note[1]}）` : '')
}
