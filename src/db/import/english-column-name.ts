/**
 * An English name for a Chinese column header the dictionary does not know, word by word from a
 * glossary of words common in Chinese customer exports ("注册渠道" → "Signup channel"). Undefined when
 * a word is not in the glossary: English questions then cannot name the column, and the import says so.
 */
const words: Record<string, string> = {
  客户: 'customer', 用户: 'user', 会员: 'member', 账户: 'account', 注册: 'registration', 渠道: 'channel', 来源: 'source', 城市: 'city',
  等级: 'tier', 级别: 'level', 地区: 'region', 区域: 'area', 省份: 'province', 省: 'province', 性别: 'gender', 年龄: 'age', 学历: 'education',
  婚姻: 'marital', 状况: 'status', 状态: 'status', 职业: 'occupation', 收入: 'income', 消费: 'spend', 金额: 'amount', 累计: 'total',
  总: 'total', 平均: 'average', 月均: 'monthly average', 次数: 'count', 登录: 'logins', 投诉: 'complaints', 自动: 'auto', 续费: 'renewal',
  套餐: 'plan', 产品: 'product', 类型: 'type', 类别: 'category', 设备: 'device', 支付: 'payment', 付款: 'payment', 方式: 'method',
  合同: 'contract', 期限: 'term', 优惠: 'offer', 折扣: 'discount', 积分: 'points', 订单: 'orders', 订单数: 'orders', 购买: 'purchases',
  评分: 'score', 满意度: 'satisfaction', 客服: 'support', 服务: 'service', 网络: 'network', 流量: 'data usage', 通话: 'calls', 时长: 'duration',
  分钟: 'minutes', 天数: 'days', 月数: 'months', 月份: 'months', 年限: 'years', 活跃: 'active', 天: 'days', 最近: 'recent', 上次: 'last',
  距: 'since', 距今: 'since', 自动续费: 'auto-renewal', 满意: 'satisfaction', 度: '', 分: 'score', 月: 'month', 数: 'count', 行业: 'industry', 公司: 'company', 规模: 'size', 员工: 'employees', 门店: 'store', 部门: 'department',
  是否: '', 有无: '', 开通: 'enabled', 使用: 'usage', 功能: 'feature', 版本: 'edition', 价格: 'price', 费用: 'fee', 月费: 'monthly fee', 年费: 'annual fee',
  余额: 'balance', 信用: 'credit', 额度: 'limit', 家庭: 'household', 人数: 'size', 子女: 'children', 手机: 'mobile', 宽带: 'broadband', 电视: 'TV',
}
const longest = Math.max(...Object.keys(words).map((k) => k.length))

export function englishColumnName(zh: string): string | undefined {
  // 近30天 / 近3个月: a window, said after the name in English.
  const windowMatch = /^近(\d+)(天|日|个月|月|年)/.exec(zh)
  const note = /[（(]([^）)]{1,12})[）)]\s*$/.exec(zh)
  const base = zh.slice(windowMatch ? windowMatch[0].length : 0, note ? note.index : undefined).replace(/^(是否|有无)/, '')
  // Longest glossary word first, left to right; any character no word covers leaves the name untranslated.
  const parts: string[] = []
  for (let i = 0; i < base.length; ) {
    let hit: string | undefined
    let len = 0
    for (let n = Math.min(longest, base.length - i); n >= 1 && hit === undefined; n--) {
      if (words[base.slice(i, i + n)] !== undefined) { hit = words[base.slice(i, i + n)]; len = n }
    }
    if (hit === undefined) return undefined
    if (hit) parts.push(hit)
    i += len
  }
  // "登录次数" is logins, not "logins count".
  if (parts.length >= 2 && parts.at(-1) === 'count' && /s$/.test(parts.at(-2)!)) parts.pop()
  if (!parts.length) return undefined
  const unit = windowMatch ? ` (last ${windowMatch[1]} ${({ 天: 'days', 日: 'days', 个月: 'months', 月: 'months', 年: 'years' } as Record<string, string>)[windowMatch[2]]})` : ''
  const name = parts.join(' ')
  return name.charAt(0).toUpperCase() + name.slice(1) + unit
}
