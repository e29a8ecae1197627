import type { Random } from './random.js'
import type { Industry, Region } from './segments.js'

const enStems = [
  'Blue Harbor', 'Summit', 'Northpeak', 'Cedar', 'Ironwood', 'Brightline', 'Silverleaf', 'Redwood', 'Clearwater', 'Granite',
  'Maple', 'Pioneer', 'Keystone', 'Lakeside', 'Evergreen', 'Sunrise', 'Atlas', 'Beacon', 'Crescent', 'Falcon',
  'Horizon', 'Juniper', 'Lighthouse', 'Meridian', 'Oakridge', 'Pinnacle', 'Quarry', 'Riverbend', 'Sterling', 'Tidewater',
  'Union', 'Vantage', 'Westfield', 'Yellowstone', 'Zenith', 'Copperfield', 'Driftwood', 'Foxglove', 'Harborview', 'Kestrel',
]
const enCores: Record<Industry, string[]> = {
  Technology: ['Labs', 'Software', 'Systems', 'Digital', 'Data', 'Networks', 'Cloudworks'],
  'Professional services': ['Consulting', 'Advisors', 'Partners', 'Legal', 'Accounting', 'Agency'],
  Retail: ['Outfitters', 'Market', 'Goods', 'Home Store', 'Foods', 'Supply Co.'],
  Education: ['Academy', 'Learning', 'Tutoring', 'School', 'Education Group', 'Language Centre'],
  Healthcare: ['Health', 'Clinics', 'Dental', 'Care', 'Medical Group', 'Physio'],
  Manufacturing: ['Manufacturing', 'Industries', 'Fabrication', 'Components', 'Machining', 'Plastics'],
  Finance: ['Capital', 'Financial', 'Insurance', 'Lending', 'Wealth', 'Credit Union'],
}
const enSuffixes: Record<Region, string[]> = {
  'North America': ['Inc.', 'LLC', 'Co.', ''],
  Europe: ['Ltd', 'GmbH', 'B.V.', 'S.A.S.', 'AB', ''],
  APAC: ['Pty Ltd', 'Pte. Ltd.', 'Ltd', 'K.K.', ''],
  LATAM: ['S.A.', 'Ltda.', 'S.A. de C.V.', ''],
}

const zhCities = ['深圳', '上海', '杭州', '成都', '北京', '广州', '苏州', '南京', '武汉', '厦门', '香港', '台北', '新加坡', '西安']
const zhStems = ['云帆', '华信', '启明', '博达', '星河', '远航', '致远', '鼎盛', '嘉禾', '蓝海', '聚能', '瑞丰', '恒通', '新程', '智汇', '长青']
const zhCores: Record<Industry, string[]> = {
  Technology: ['科技', '信息技术', '网络科技', '软件'],
  'Professional services': ['咨询', '管理咨询', '会计师事务所', '企业服务'],
  Retail: ['商贸', '零售', '电子商务', '食品'],
  Education: ['教育科技', '培训学校', '教育咨询', '文化传播'],
  Healthcare: ['医疗', '健康管理', '口腔门诊', '医药'],
  Manufacturing: ['精密制造', '机械', '电子', '新材料'],
  Finance: ['金融服务', '融资租赁', '保险代理', '投资管理'],
}

/** A plausible company name; Chinese-speaking customers mostly get Chinese names. */
export function companyName(rng: Random, industry: Industry, region: Region, chinese: boolean): string {
  if (chinese && rng.chance(0.75)) {
    return `${rng.pick(zhCities)}${rng.pick(zhStems)}${rng.pick(zhCores[industry])}有限公司`
  }
  const suffix = rng.pick(enSuffixes[region])
  return `${rng.pick(enStems)} ${rng.pick(enCores[industry])}${suffix ? ` ${suffix}` : ''}`
}
