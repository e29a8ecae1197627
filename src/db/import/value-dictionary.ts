import type { ReasonId } from '../../catalog/reasons.js'

/** A value's display names: English and Chinese. */
export type ValueNames = { en: string; zh: string }

const v = (en: string, zh: string): ValueNames => ({ en, zh })

// Keys are lower-case values with spaces collapsed. Values common in churn exports; Chinese
// values map back to English. Cities and free text are left as they are.
const values: Record<string, ValueNames> = {
  'month-to-month': v('Month-to-month', '按月'), 'one year': v('One year', '一年'), 'two year': v('Two year', '两年'),
  'fiber optic': v('Fiber optic', '光纤'), dsl: v('DSL', 'DSL'), cable: v('Cable', '有线'),
  'no internet service': v('No internet service', '无网络服务'), 'no phone service': v('No phone service', '无电话服务'),
  'electronic check': v('Electronic check', '电子支票'), 'mailed check': v('Mailed check', '邮寄支票'),
  'bank transfer (automatic)': v('Bank transfer (automatic)', '银行转账（自动）'), 'credit card (automatic)': v('Credit card (automatic)', '信用卡（自动）'),
  'bank withdrawal': v('Bank withdrawal', '银行代扣'), 'credit card': v('Credit card', '信用卡'),
  male: v('Male', '男'), female: v('Female', '女'), m: v('Male', '男'), f: v('Female', '女'),
  married: v('Married', '已婚'), single: v('Single', '单身'), divorced: v('Divorced', '离异'), unknown: v('Unknown', '未知'),
  'high school': v('High school', '高中'), graduate: v('Graduate', '研究生'), uneducated: v('Uneducated', '未受教育'),
  college: v('College', '大专'), 'post-graduate': v('Post-graduate', '研究生以上'), doctorate: v('Doctorate', '博士'),
  'less than $40k': v('Less than $40K', '4万美元以下'), '$40k - $60k': v('$40K - $60K', '4万–6万美元'), '$60k - $80k': v('$60K - $80K', '6万–8万美元'),
  '$80k - $120k': v('$80K - $120K', '8万–12万美元'), '$120k +': v('$120K +', '12万美元以上'),
  blue: v('Blue', '蓝卡'), silver: v('Silver', '银卡'), gold: v('Gold', '金卡'), platinum: v('Platinum', '白金卡'),
  basic: v('Basic', '基础版'), pro: v('Pro', '专业版'), enterprise: v('Enterprise', '企业版'), premium: v('Premium', '高级版'), free: v('Free', '免费版'),
  monthly: v('Monthly', '按月'), annual: v('Annual', '按年'), quarterly: v('Quarterly', '按季'),
  none: v('None', '无'), other: v('Other', '其他'),
  // Customer statuses and the churn categories some exports carry (IBM 11.1.3).
  stayed: v('Stayed', '留存'), churned: v('Churned', '已流失'), joined: v('Joined', '新加入'), active: v('Active', '活跃'), inactive: v('Inactive', '不活跃'),
  competitor: v('Competitor', '竞争对手'), attitude: v('Attitude', '服务态度'), dissatisfaction: v('Dissatisfaction', '不满意'), price: v('Price', '价格'),
  partner: v('Partner', '合作伙伴'), organic: v('Organic', '自然流量'), ads: v('Ads', '广告'), event: v('Event', '活动'), referral: v('Referral', '推荐'),
  edtech: v('EdTech', '教育科技'), fintech: v('FinTech', '金融科技'), devtools: v('DevTools', '开发工具'), healthtech: v('HealthTech', '医疗科技'), cybersecurity: v('Cybersecurity', '网络安全'),
  germany: v('Germany', '德国'), france: v('France', '法国'), spain: v('Spain', '西班牙'), 'united states': v('United States', '美国'), usa: v('USA', '美国'),
  us: v('US', '美国'), uk: v('UK', '英国'), 'united kingdom': v('United Kingdom', '英国'), in: v('IN', '印度'), india: v('India', '印度'),
  de: v('DE', '德国'), fr: v('FR', '法国'), ca: v('CA', '加拿大'), canada: v('Canada', '加拿大'), au: v('AU', '澳大利亚'), australia: v('Australia', '澳大利亚'),
  gb: v('GB', '英国'), jp: v('JP', '日本'), japan: v('Japan', '日本'), cn: v('CN', '中国'), china: v('China', '中国'), br: v('BR', '巴西'), brazil: v('Brazil', '巴西'),
  // More countries and regions, so Chinese answers name them in Chinese.
  italy: v('Italy', '意大利'),
  netherlands: v('Netherlands', '荷兰'),
  belgium: v('Belgium', '比利时'),
  switzerland: v('Switzerland', '瑞士'),
  austria: v('Austria', '奥地利'),
  sweden: v('Sweden', '瑞典'),
  norway: v('Norway', '挪威'),
  denmark: v('Denmark', '丹麦'),
  finland: v('Finland', '芬兰'),
  ireland: v('Ireland', '爱尔兰'),
  portugal: v('Portugal', '葡萄牙'),
  poland: v('Poland', '波兰'),
  greece: v('Greece', '希腊'),
  turkey: v('Turkey', '土耳其'),
  russia: v('Russia', '俄罗斯'),
  mexico: v('Mexico', '墨西哥'),
  argentina: v('Argentina', '阿根廷'),
  chile: v('Chile', '智利'),
  colombia: v('Colombia', '哥伦比亚'),
  peru: v('Peru', '秘鲁'),
  'south africa': v('South Africa', '南非'),
  nigeria: v('Nigeria', '尼日利亚'),
  egypt: v('Egypt', '埃及'),
  kenya: v('Kenya', '肯尼亚'),
  'south korea': v('South Korea', '韩国'),
  korea: v('Korea', '韩国'),
  singapore: v('Singapore', '新加坡'),
  malaysia: v('Malaysia', '马来西亚'),
  indonesia: v('Indonesia', '印度尼西亚'),
  thailand: v('Thailand', '泰国'),
  vietnam: v('Vietnam', '越南'),
  philippines: v('Philippines', '菲律宾'),
  'new zealand': v('New Zealand', '新西兰'),
  'united arab emirates': v('United Arab Emirates', '阿联酋'),
  'saudi arabia': v('Saudi Arabia', '沙特阿拉伯'),
  israel: v('Israel', '以色列'),
  pakistan: v('Pakistan', '巴基斯坦'),
  bangladesh: v('Bangladesh', '孟加拉国'),
  'hong kong': v('Hong Kong', '香港'),
  taiwan: v('Taiwan', '台湾'),
  'north america': v('North America', '北美'),
  'south america': v('South America', '南美'),
  'latin america': v('Latin America', '拉丁美洲'),
  europe: v('Europe', '欧洲'),
  asia: v('Asia', '亚洲'),
  africa: v('Africa', '非洲'),
  apac: v('APAC', '亚太'),
  emea: v('EMEA', '欧洲、中东和非洲'),
  americas: v('Americas', '美洲'),
  north: v('North', '北部'),
  south: v('South', '南部'),
  east: v('East', '东部'),
  west: v('West', '西部'),
  central: v('Central', '中部'),
  california: v('California', '加州'), 'los angeles': v('Los Angeles', '洛杉矶'), 'san francisco': v('San Francisco', '旧金山'), 'san diego': v('San Diego', '圣地亚哥'), 'san jose': v('San Jose', '圣何塞'), sacramento: v('Sacramento', '萨克拉门托'),
  'offer a': v('Offer A', '优惠A'), 'offer b': v('Offer B', '优惠B'), 'offer c': v('Offer C', '优惠C'), 'offer d': v('Offer D', '优惠D'), 'offer e': v('Offer E', '优惠E'),
  一线: v('Tier 1', '一线'), 新一线: v('New tier 1', '新一线'), 二线: v('Tier 2', '二线'), 三线: v('Tier 3', '三线'), 四线: v('Tier 4', '四线'), 五线: v('Tier 5', '五线'),
  线上: v('Online', '线上'), 线下: v('Offline', '线下'), 其他: v('Other', '其他'), 未知: v('Unknown', '未知'), 高: v('High', '高'), 中: v('Medium', '中'), 低: v('Low', '低'),
  月付: v('Monthly', '月付'), 年付: v('Annual', '年付'), 个人: v('Individual', '个人'), 企业: v('Business', '企业'),
  北京: v('Beijing', '北京'), 上海: v('Shanghai', '上海'), 广州: v('Guangzhou', '广州'), 深圳: v('Shenzhen', '深圳'),
  已婚: v('Married', '已婚'), 未婚: v('Single', '未婚'), 离异: v('Divorced', '离异'),
  初中: v('Junior high school', '初中'), 高中: v('High school', '高中'), 大专: v('Junior college', '大专'), 本科: v("Bachelor's degree", '本科'), 研究生: v('Postgraduate', '研究生'),
  男: v('Male', '男'), 女: v('Female', '女'),
}

/** English and Chinese names of a common value, if known. */
export function lookupValue(value: string): ValueNames | undefined {
  return values[value.trim().toLowerCase().replace(/\s+/g, ' ')]
}

// Words in reason texts that name a reason category (checked in this order).
const reasonWords: Array<[RegExp, ReasonId]> = [
  [/compet|rival|switched|better offer|better devices/i, 'competitor'],
  [/price|pricing|expensive|budget|cost|charges|afford|cheaper|价格|太贵|费用/i, 'price'],
  [/support|attitude|service dissatisfaction|服务|客服/i, 'support'],
  [/feature|range of services|self-service|功能/i, 'missing_features'],
  [/product|quality|network|reliab|dissatisf|质量|网络/i, 'product_quality'],
  [/onboard|setup|training/i, 'onboarding'],
  [/moved|relocat|business|closed|搬家|搬迁/i, 'business_change'],
  [/payment|card declined|billing fail/i, 'payment_failed'],
]

/** The reason category a stated reason text falls into; `other` when no word matches. */
export function reasonOf(text: string): ReasonId {
  for (const [re, id] of reasonWords) if (re.test(text)) return id
  return 'other'
}
