/**
 * Words managers use for dimensions and values that churn exports commonly have, in English and
 * Chinese. The analyst adds them to whatever a mapping declares (an inferred mapping names columns
 * but knows no synonyms), matched on a dimension's id or names and on a value's normalised text.
 */
type Words = { en: string[]; zh: string[] }
const w = (en: string[], zh: string[]): Words => ({ en, zh })

/** Keys: a dimension id or name, lower case with spaces and punctuation removed. */
export const commonDimensionWords: Array<[string[], Words]> = [
  [['contract', 'contracttype', '合同类型', '合同'], w(['contract', 'contracts', 'contract type', 'contract length', 'contract term'], ['合同', '合约', '合同类型', '合约类型', '签约类型', '合同期限', '签约'])],
  [['internetservice', 'internettype', 'internet', '网络服务', '宽带'], w(['internet', 'internet service', 'broadband', 'internet type', 'connection type'], ['网络', '宽带', '互联网', '互联网服务', '网络服务', '上网方式', '宽带类型', '网络类型', '互联网服务类型'])],
  [['paymentmethod', 'payment', '支付方式'], w(['payment method', 'payment', 'pay method', 'payment type', 'billing method'], ['支付方式', '付款方式', '缴费方式', '付费方式'])],
  [['gender', 'sex', '性别'], w(['gender', 'sex'], ['性别', '男女'])],
  [['seniorcitizen', 'senior', '老年用户'], w(['senior', 'seniors', 'senior citizen', 'senior citizens', 'elderly'], ['老年', '老年人', '老人', '老年客户', '老年用户'])],
  [['partner', 'haspartner', '有伴侣'], w(['partner', 'partners', 'spouse'], ['伴侣', '配偶'])],
  [['married', '已婚'], w(['married'], ['已婚', '结婚'])],
  [['dependents', 'hasdependents', '有家属'], w(['dependents', 'dependants', 'children', 'kids'], ['家属', '受抚养人', '子女', '孩子'])],
  [['techsupport', 'premiumtechsupport', '技术支持'], w(['tech support', 'technical support', 'premium tech support'], ['技术支持', '技术服务'])],
  [['onlinesecurity', '在线安全'], w(['online security', 'security'], ['在线安全', '网络安全', '安全服务', '在线安全服务'])],
  [['onlinebackup', '在线备份'], w(['online backup', 'backup'], ['在线备份', '备份'])],
  [['deviceprotection', 'deviceprotectionplan', '设备保护'], w(['device protection', 'device protection plan'], ['设备保护', '设备保障'])],
  [['streamingtv', '流媒体电视'], w(['streaming tv', 'tv streaming'], ['流媒体电视', '网络电视'])],
  [['streamingmovies', '流媒体电影'], w(['streaming movies', 'movie streaming'], ['流媒体电影'])],
  [['streamingmusic', '流媒体音乐'], w(['streaming music', 'music streaming'], ['流媒体音乐'])],
  [['paperlessbilling', '电子账单'], w(['paperless billing', 'paperless', 'e-bill', 'electronic billing', 'paper bill'], ['无纸化账单', '电子账单', '无纸账单', '无纸化'])],
  [['electronicpayment', '电子支付'], w(['electronic payment', 'e-payment', 'e-pay', 'online payment'], ['电子支付', '电子付款', '线上支付'])],
  [['phoneservice', '电话服务'], w(['phone service', 'phone'], ['电话服务', '电话', '固话'])],
  [['multiplelines', '多线路'], w(['multiple lines', 'multiple phone lines'], ['多线路', '多条线路', '多号码'])],
  [['unlimiteddata', '无限流量'], w(['unlimited data'], ['无限流量'])],
  [['offer', '优惠'], w(['offer', 'offers', 'promotion', 'promo'], ['优惠', '促销', '优惠方案'])],
  [['city', '城市', 'residence', '居住地'], w(['city', 'cities', 'town', 'residence', 'residence city', 'location'], ['城市', '居住地', '所在城市', '地区'])],
  [['maritalstatus', 'marital', '婚姻状况'], w(['marital status', 'marital', 'married or single'], ['婚姻状况', '婚姻', '婚否'])],
  [['educationlevel', 'education', '教育水平'], w(['education', 'education level', 'degree', 'educational level'], ['教育水平', '学历', '教育程度', '教育'])],
  [['incomecategory', 'income', '收入'], w(['income', 'income category', 'income level', 'income bracket', 'income group', 'earning', 'earnings', 'earn', 'earns', 'making'], ['收入', '收入水平', '收入类别', '收入档次', '收入区间', '年收入', '收入档', '收入段'])],
  [['cardcategory', 'card', '卡类型'], w(['card', 'cards', 'card category', 'card type', 'card tier', 'card level'], ['卡类型', '卡种', '卡等级', '卡片类型', '卡片等级', '卡', '卡片', '卡别', '信用卡类型', '信用卡种类'])],
  [['plan', 'plantype', 'plantier', 'package', '套餐', '套餐类型'], w(['plan', 'plan type', 'plans', 'package', 'tier', 'plan tier'], ['套餐', '套餐类型', '套餐档次', '版本'])],
  [['industry', '行业'], w(['industry', 'industries', 'sector', 'vertical'], ['行业'])],
  [['country', '国家'], w(['country', 'countries'], ['国家', '国别'])],
  [['referralsource', 'channel', 'source', '来源'], w(['referral source', 'acquisition channel', 'channel', 'source', 'lead source'], ['来源', '渠道', '推荐来源', '获客渠道'])],
  [['referredafriend', '推荐朋友'], w(['referred a friend', 'referral', 'referred friends'], ['推荐朋友', '推荐过朋友'])],
]

/**
 * How managers name the numeric columns churn exports commonly have ("the number of times they contacted us" for
 * Contacts_Count_12_mon). Keys: a measure id or name, lower case with spaces and punctuation removed. They only fill
 * gaps: a word the data already uses for something else keeps that meaning.
 */
export const commonMeasureWords: Array<[string[], Words]> = [
  [['contacts', 'contactscount12mon', 'contactscount', 'contactcount'], w(
    ['contacts', 'contact count', 'number of contacts', 'times they contacted us', 'number of times they contacted us', 'times contacted', 'times they contacted', 'contacted us', 'contacts with us', 'contacts with the bank', 'times they called', 'calls to us', 'service calls', 'customer service calls', 'how often they contacted us'],
    ['联系次数', '联系', '联系我们', '联系银行', '联系过我们', '来电次数', '致电次数', '沟通次数', '接触次数', '联络次数'])],
  [['monthsinactive', 'monthsinactive12mon', 'inactivemonths'], w(
    ['months inactive', 'inactive months', 'inactivity', 'months of inactivity', 'inactive for', 'inactive'],
    ['不活跃月数', '不活跃', '不活跃的月数', '沉默月数', '未活跃月数', '不活跃月份'])],
  [['products', 'totalrelationshipcount', 'numofproducts', 'numberofproducts', 'productcount'], w(
    ['products', 'number of products', 'products held', 'products they hold', 'products they have', 'relationship count', 'bank products', 'how many products'],
    ['产品数', '产品数量', '持有产品数', '持有产品', '产品个数', '持有的产品数'])],
  [['transactioncount', 'totaltransct'], w(
    ['transactions', 'number of transactions', 'transaction count', 'how many transactions', 'transaction volume'],
    ['交易次数', '交易笔数', '刷卡次数', '消费次数', '交易数'])],
  [['transactionamount', 'totaltransamt'], w(
    ['transaction amount', 'amount spent', 'spend', 'spending', 'total spend', 'transaction value', 'how much they spent'],
    ['交易金额', '消费金额', '交易额', '刷卡金额', '消费额'])],
  [['creditlimit'], w(['credit limit', 'credit line', 'card limit', 'limit'], ['信用额度', '额度', '授信额度', '信用卡额度'])],
  [['revolvingbalance', 'totalrevolvingbal'], w(['revolving balance', 'revolving', 'balance carried', 'carried balance'], ['循环余额', '透支余额', '未还余额'])],
  [['utilizationratio', 'avgutilizationratio'], w(['utilization', 'utilisation', 'card utilization', 'utilization rate', 'credit utilization'], ['使用率', '额度使用率', '信用卡使用率', '额度利用率'])],
  [['opentobuy', 'avgopentobuy'], w(['open to buy', 'available credit', 'unused credit'], ['可用额度', '剩余额度'])],
  [['dependentscount', 'dependentcount', 'numberofdependents'], w(['dependents', 'dependants', 'number of dependents', 'dependent count', 'how many dependents', 'children', 'kids'], ['家属', '家属人数', '受抚养人', '受抚养人数', '抚养人数', '家属数量', '受抚养人数量', '孩子', '子女'])],
  [['referrals', 'numberofreferrals'], w(['referrals', 'number of referrals', 'friends referred', 'people referred'], ['推荐人数', '推荐次数', '推荐数'])],
  [['satisfactionscore'], w(['satisfaction', 'satisfaction score', 'csat', 'satisfaction rating', 'how satisfied'], ['满意度', '满意度评分', '满意程度', '满意分'])],
  [['age', 'customerage'], w(['age', 'how old', 'ages'], ['年龄', '岁数'])],
  [['balance', 'accountbalance'], w(['balance', 'account balance', 'money in the account', 'deposits'], ['余额', '账户余额', '存款'])],
  [['creditscore'], w(['credit score', 'credit rating', 'fico'], ['信用分', '信用评分', '信用分数'])],
  [['salary', 'estimatedsalary'], w(['salary', 'estimated salary', 'pay', 'earnings', 'income'], ['工资', '薪资', '薪水', '收入'])],
]

/** Keys: a stored value, lower case with spaces collapsed. */
export const commonValueWords: Record<string, Words> = {
  male: w(['men', 'man', 'males', 'male customers'], ['男性', '男客户', '男士', '男的', '男性客户']),
  female: w(['women', 'woman', 'females', 'female customers'], ['女性', '女客户', '女士', '女的', '女性客户']),
  m: w(['men', 'man', 'male', 'males', 'male customers'], ['男性', '男客户', '男士', '男']),
  f: w(['women', 'woman', 'female', 'females', 'female customers'], ['女性', '女客户', '女士', '女']),
  男: w(['male', 'men', 'man'], ['男性', '男客户', '男士']),
  女: w(['female', 'women', 'woman'], ['女性', '女客户', '女士']),
  'fiber optic': w(['fiber', 'fibre', 'fiber-optic', 'fiber customers'], ['光纤', '光纤宽带', '光纤用户']),
  fiber: w(['fiber optic', 'fibre'], ['光纤']),
  dsl: w(['dsl'], ['DSL', '数字用户线路']),
  cable: w(['cable'], ['有线', '有线宽带']),
  'electronic check': w(['e-check', 'echeck', 'electronic cheque', 'e check'], ['电子支票']),
  'mailed check': w(['mailed check', 'paper check', 'mail check', 'cheque'], ['邮寄支票', '纸质支票']),
  'bank transfer (automatic)': w(['bank transfer', 'direct debit', 'automatic bank transfer'], ['银行转账', '自动银行转账', '银行代扣']),
  'credit card (automatic)': w(['credit card', 'automatic credit card'], ['信用卡', '信用卡自动扣款']),
  'bank withdrawal': w(['bank withdrawal', 'direct debit', 'bank transfer'], ['银行代扣', '银行转账']),
  'credit card': w(['credit card', 'card payment'], ['信用卡']),
  'month-to-month': w(['monthly', 'month to month', 'no contract', 'monthly contract', 'month-to-month contract'], ['按月', '月付', '月租', '按月签约', '月度合同', '无合约']),
  'one year': w(['1 year', 'one-year', 'annual', 'yearly'], ['一年', '一年期', '1年']),
  'two year': w(['2 year', 'two-year', 'two years'], ['两年', '两年期', '2年', '二年']),
  married: w(['married'], ['已婚']),
  single: w(['single', 'unmarried'], ['单身', '未婚']),
  divorced: w(['divorced'], ['离异', '离婚']),
  已婚: w(['married'], ['结婚']),
  未婚: w(['single', 'unmarried', 'not married'], ['单身']),
  blue: w(['blue card', 'blue'], ['蓝卡']),
  silver: w(['silver card', 'silver'], ['银卡']),
  gold: w(['gold card', 'gold'], ['金卡']),
  platinum: w(['platinum card', 'platinum'], ['白金卡']),
  california: w(['california', 'californian'], ['加州', '加利福尼亚', '加利福尼亚州']),
  'united states': w(['usa', 'america'], ['美国']),
  北京: w(['beijing'], []),
  上海: w(['shanghai'], []),
  广州: w(['guangzhou', 'canton'], []),
  深圳: w(['shenzhen'], []),
  初中: w(['junior high', 'middle school', 'junior high school'], []),
  高中: w(['high school', 'senior high'], []),
  大专: w(['college', 'associate', 'associate degree', 'junior college'], []),
  本科: w(['bachelor', "bachelor's", 'bachelors', 'undergraduate', 'university'], []),
  研究生: w(['postgraduate', 'graduate school', 'master', "master's", 'postgrad'], []),
  'high school': w(['high school'], ['高中']),
  graduate: w(['graduate', 'graduates'], ['研究生', '本科毕业']),
  'post-graduate': w(['post-graduate', 'postgraduate'], ['研究生以上']),
  doctorate: w(['doctorate', 'phd'], ['博士']),
  uneducated: w(['uneducated', 'no education'], ['未受教育', '没上过学']),
  college: w(['college'], ['大专', '大学']),
  'existing customer': w([], []),
}

/** Lower case, spaces and punctuation removed: how dimension keys are compared. */
export function dimensionKey(s: string): string {
  return s.toLowerCase().replace(/[\s_\-()（）/·.]/g, '')
}

/**
 * Shorter names a numeric attribute goes by, from its display names: "Total transaction count" →
 * "transaction count"; "近12个月联系次数" → "联系次数"; 笔数 and 次数 both count transactions.
 */
export function measureWordsFromNames(name: { en: string; zh: string }): string[] {
  const en = name.en.toLowerCase().replace(/\s*\([^)]*\)/g, '').trim()
  const enShort = en.replace(/^(total|average|avg|mean|number of|num|count of)\s+/, '')
  const zh = name.zh.replace(/[（(][^）)]*[）)]/g, '').trim()
  const zhShort = zh.replace(/^((近|过去|最近)(\d+|一|三|半)(天|日|周|个月|月|年)(内)?|近一年|平均|总|累计)/, '')
  const variants = [en, enShort, zh, zhShort, zhShort.replace('笔数', '次数'), zhShort.replace('次数', '笔数')]
  // "Months inactive" is asked as "inactive 3 months", "不活跃月数" as "不活跃3个月以上".
  const unitFirst = enShort.match(/^(months|days|weeks|years) (\w{4,})$/)
  if (unitFirst) variants.push(unitFirst[2], `${unitFirst[2]} ${unitFirst[1]}`)
  const zhBare = zhShort.replace(/(月数|天数|周数|年数|金额|次数|笔数)$/, '')
  if (zhBare !== zhShort && zhBare.length >= 2) variants.push(zhBare)
  // "月均下载量" is asked as "平均每月下载量", "每月下载量" or just "下载量".
  const monthly = zhShort.match(/^月均(.{2,})$/)
  if (monthly) variants.push(`平均每月${monthly[1]}`, `每月平均${monthly[1]}`, `每月${monthly[1]}`, monthly[1])
  // "Average utilization ratio" is asked as "utilization", "Transaction amount" as "transactions" … the generic tail goes.
  const enHead = enShort.replace(/ (ratio|rate|amount|level|value)$/, '')
  if (enHead !== enShort && enHead.length >= 5) variants.push(enHead)
  // "Satisfaction score" is asked as "satisfaction", "满意度评分" as "满意度".
  const enScore = enShort.replace(/ (score|rating)$/, '')
  if (enScore !== enShort && enScore.length >= 4) variants.push(enScore)
  const zhScore = zhShort.replace(/(评分|得分|分数|打分)$/, '')
  if (zhScore !== zhShort && zhScore.length >= 2) variants.push(zhScore)
  if (/ count$/.test(enShort)) variants.push(`number of ${enShort.replace(/ count$/, 's')}`, `${enShort.replace(/ count$/, '')}s`)
  return [...new Set(variants.filter((v) => v.length >= 2))]
}

/**
 * How managers say an income or amount bracket stored as "Less than $40K", "$40K - $60K" or "$120K +": "under $40K",
 * "40k to 60k", "over $120K", "低于4万美元", "4万到6万美元", "12万美元以上". Undefined for any other value.
 */
export function bracketWords(value: string): Words | undefined {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ')
  const wan = (k: number) => String(k / 10)
  const below = v.match(/^(?:less than|under|below|<) ?\$?(\d+)k$/)
  if (below) {
    const n = Number(below[1])
    return w(
      ['under', 'less than', 'below'].flatMap((p) => [`${p} $${n}k`, `${p} ${n}k`, `${p} $${n},000`]),
      ['低于', '不到', '少于', '不足'].flatMap((p) => [`${p}${wan(n)}万美元`, `${p}${wan(n)}万`]).concat([`${wan(n)}万美元以下`, `${wan(n)}万以下`]),
    )
  }
  const range = v.match(/^\$?(\d+)k ?[-–] ?\$?(\d+)k$/)
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])]
    return w(
      [`$${a}k to $${b}k`, `${a}k to ${b}k`, `$${a}k-$${b}k`, `${a}k-${b}k`, `${a}-${b}k`, `between $${a}k and $${b}k`, `between ${a}k and ${b}k`],
      [`${wan(a)}万到${wan(b)}万美元`, `${wan(a)}万至${wan(b)}万美元`, `${wan(a)}万-${wan(b)}万美元`, `${wan(a)}万到${wan(b)}万`, `${wan(a)}到${wan(b)}万美元`, `${wan(a)}-${wan(b)}万美元`, `${wan(a)}至${wan(b)}万`],
    )
  }
  const above = v.match(/^(?:over|more than|above|>)? ?\$?(\d+)k ?(?:\+|or more|and above)$/) ?? v.match(/^(?:over|more than|above|>) ?\$?(\d+)k$/)
  if (above) {
    const n = Number(above[1])
    return w(
      ['over', 'more than', 'above'].flatMap((p) => [`${p} $${n}k`, `${p} ${n}k`, `${p} $${n},000`]).concat([`$${n}k+`, `${n}k+`, `$${n}k or more`]),
      ['超过', '高于', '多于'].flatMap((p) => [`${p}${wan(n)}万美元`, `${p}${wan(n)}万`]).concat([`${wan(n)}万美元以上`, `${wan(n)}万以上`]),
    )
  }
  return undefined
}
