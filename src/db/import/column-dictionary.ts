import type { MeasureUnit } from '../../catalog/measure-def.js'
import type { OutcomeKind } from '../../catalog/types.js'
import type { BuiltInColumn, TenureUnit } from './mapping-schema.js'

/** What a column of a churn export usually is. */
export type ColumnRole =
  | 'id' | 'name' | 'churn' | 'status' | 'churn_date' | 'signup_date' | 'end_date' | 'tenure' | 'mrr' | 'reason' | 'feedback'
  | 'dimension' | 'measure' | 'ignore'

/** A known column: its role, snake_case id, names per language and, where it applies, unit or built-in column. */
export type KnownColumn = {
  role: ColumnRole
  id: string
  en: string
  zh: string
  unit?: MeasureUnit
  tenureUnit?: TenureUnit
  builtIn?: BuiltInColumn
  /** Why an `ignore` column is left out (shown in the proposal). */
  why?: string
  /** A dimension that records the churn outcome (the data's own churn category): counted by, never a churn factor. */
  outcome?: OutcomeKind
}

const k = (role: ColumnRole, id: string, en: string, zh: string, extra: Partial<KnownColumn> = {}): KnownColumn => ({ role, id, en, zh, ...extra })

// Keys are column names with case, spaces and punctuation removed ("Tenure Months" → "tenuremonths").
// Covers the public churn exports (IBM Telco Cognos, Kaggle 21-column and 11.1.3 editions,
// BankChurners, the SPSS telco file in Chinese, RavenStack, bank churn files) and common variants.
const entries: Array<[string[], KnownColumn]> = [
  [['customerid', 'customer', 'clientnum', 'clientid', 'accountid', 'account', 'uid', 'userid', 'id', 'memberid', 'subscriberid', 'custid', '客户id', '用户id', '客户编号', '用户编号', '客户号', '编号'], k('id', 'customer_id', 'Customer ID', '客户编号')],
  [['accountname', 'customername', 'companyname', 'name', 'company', 'surname', '客户名称', '公司名称', '姓名', '客户姓名'], k('name', 'name', 'Name', '名称')],
  [['churnvalue', 'churn', 'churned', 'churnflag', 'ischurned', 'exited', 'attritionflag', 'attrition', 'attrited', 'churnlabel', 'left', '流失', '是否流失', '流失标志', '流失状态', '是否离网', '离网'], k('churn', 'churn', 'Churned', '是否流失')],
  [['customerstatus', 'status', 'accountstatus', 'subscriptionstatus', '客户状态', '状态', '用户状态'], k('status', 'customer_status', 'Customer status', '客户状态', { outcome: 'status' })],
  [['churndate', 'cancellationdate', 'canceldate', 'cancelledon', 'canceledon', 'churnedat', 'churnedon', 'terminationdate', '流失日期', '离网日期', '注销日期'], k('churn_date', 'churn_date', 'Churn date', '流失日期')],
  [['signupdate', 'signedup', 'signupat', 'joindate', 'joineddate', 'registrationdate', 'createdat', 'createddate', 'customersince', 'activationdate', '注册日期', '开通日期', '入网日期', '签约日期'], k('signup_date', 'signup_date', 'Signup date', '注册日期')],
  [['startdate', 'subscriptionstart', 'start', 'started', 'startedon', 'startedat', 'since', 'membersince', 'customersincedate', 'joined', 'joinedon', 'opened', 'opendate', 'accountopened', 'accountopendate', '开始日期', '开始时间', '加入日期', '开户日期'], k('signup_date', 'start_date', 'Start date', '开始日期')],
  [['enddate', 'subscriptionend'], k('end_date', 'end_date', 'End date', '结束日期')],
  [['tenuremonths', 'tenureinmonths', 'monthsonbook', 'monthswithcompany', '开通月数', '在网月数', '在网时长', '使用月数', '入网月数'], k('tenure', 'tenure', 'Tenure', '在网时长', { tenureUnit: 'months', unit: 'months' })],
  [['tenure', 'tenureyears', 'customertenure'], k('tenure', 'tenure', 'Tenure', '在网时长')],
  [['tenuredays', 'daysactive', 'accountlength', 'accountage'], k('tenure', 'tenure', 'Tenure', '在网时长', { tenureUnit: 'days', unit: 'days' })],
  [['monthlycharges', 'monthlycharge', 'mrr', 'mrramount', 'monthlyfee', 'monthlyrevenue', 'monthlyamount', 'monthlyprice', 'monthlycost', 'monthlypayment', 'monthlysubscription', 'subscriptionprice', 'subscriptionfee', 'pricepermonth', 'feepermonth', 'monthlyspend', 'planprice', '月付', '月价格', '每月费用', '月费', '月消费', '月租', '月费用'], k('mrr', 'mrr', 'Monthly charge', '月费', { unit: 'currency' })],
  [['churnreason', 'reasoncode', 'reason', 'cancellationreason', 'churnreasons', '流失原因', '离网原因'], k('reason', 'churn_reason', 'Churn reason', '流失原因')],
  [['feedbacktext', 'feedback', 'comment', 'comments', 'exitsurvey', '反馈', '意见', '评论'], k('feedback', 'feedback', 'Feedback', '反馈')],
  // Columns that repeat or give away the churn label, model outputs and location detail.
  // The data's own grouping of its churn reasons (IBM 11.1.3: Competitor, Attitude, …): answers about reason
  // categories use it instead of re-classifying the reasons.
  [['churncategory', 'reasoncategory', 'churnreasoncategory', '流失类别', '流失原因类别'], k('dimension', 'churn_category', 'Churn category', '流失类别', { outcome: 'reason_category' })],
  // A vendor's model outputs: kept so managers can ask about them, named as what they are; an id naming churn
  // keeps the score out of churner profiles and risk features (it is derived from the outcome).
  [['churnscore'], k('measure', 'churn_score', "Churn score (the data's own model prediction)", '流失评分（数据自带的模型预测）', { unit: 'score' })],
  [['cltv'], k('measure', 'cltv', "CLTV (customer lifetime value, the data's own model estimate)", '客户生命周期价值（CLTV，数据自带的模型估计）', { unit: 'currency' })],
  [['count'], k('ignore', 'count', 'Count', '计数', { why: 'a row counter' })],
  [['latlong', 'latitude', 'longitude', 'lat', 'lon', 'lng'], k('ignore', 'coordinates', 'Coordinates', '经纬度', { why: 'coordinates' })],
  [['zipcode', 'zip', 'postcode', 'postalcode', '邮编'], k('ignore', 'zip_code', 'Zip code', '邮编', { why: 'too fine-grained to segment by' })],
  [['quarter'], k('ignore', 'quarter', 'Quarter', '季度', { why: 'the snapshot quarter (used for the churn window)' })],
  [['rownumber', 'index', 'unnamed0'], k('ignore', 'row_number', 'Row number', '行号', { why: 'a row counter' })],
  // Dimensions.
  [['gender', 'sex', '性别'], k('dimension', 'gender', 'Gender', '性别')],
  [['seniorcitizen', 'senior', '老年人', '老年用户'], k('dimension', 'senior_citizen', 'Senior citizen', '老年用户')],
  [['partner', '伴侣'], k('dimension', 'partner', 'Has a partner', '有伴侣')],
  [['dependents', '家属'], k('dimension', 'dependents', 'Has dependents', '有家属')],
  [['married'], k('dimension', 'married', 'Married', '已婚')],
  [['under30'], k('dimension', 'under_30', 'Under 30', '30岁以下')],
  [['phoneservice'], k('dimension', 'phone_service', 'Phone service', '电话服务')],
  [['multiplelines'], k('dimension', 'multiple_lines', 'Multiple lines', '多线路')],
  [['internetservice'], k('dimension', 'internet_service', 'Internet service', '网络服务')],
  [['internettype'], k('dimension', 'internet_type', 'Internet type', '网络类型')],
  [['onlinesecurity'], k('dimension', 'online_security', 'Online security', '在线安全')],
  [['onlinebackup'], k('dimension', 'online_backup', 'Online backup', '在线备份')],
  [['deviceprotection', 'deviceprotectionplan'], k('dimension', 'device_protection', 'Device protection', '设备保护')],
  [['techsupport', 'premiumtechsupport'], k('dimension', 'tech_support', 'Tech support', '技术支持')],
  [['streamingtv'], k('dimension', 'streaming_tv', 'Streaming TV', '流媒体电视')],
  [['streamingmovies'], k('dimension', 'streaming_movies', 'Streaming movies', '流媒体电影')],
  [['streamingmusic'], k('dimension', 'streaming_music', 'Streaming music', '流媒体音乐')],
  [['unlimiteddata'], k('dimension', 'unlimited_data', 'Unlimited data', '无限流量')],
  [['contract', 'contracttype', 'contractterm', '合同类型', '合约类型'], k('dimension', 'contract', 'Contract type', '合同类型')],
  [['paperlessbilling', 'ebill', 'ebilling', '电子账单'], k('dimension', 'paperless_billing', 'Paperless billing', '电子账单')],
  [['electronicpayment', 'epayment', 'epay', '电子支付'], k('dimension', 'electronic_payment', 'Electronic payment', '电子支付')],
  [['paymentmethod', 'paymenttype', '支付方式', '付款方式'], k('dimension', 'payment_method', 'Payment method', '支付方式')],
  [['offer', 'promotion'], k('dimension', 'offer', 'Offer', '优惠方案')],
  [['referredafriend'], k('dimension', 'referred_a_friend', 'Referred a friend', '推荐过朋友')],
  [['city', 'town', '城市', '居住地', '所在城市'], k('dimension', 'city', 'City', '城市')],
  [['state', 'province', '省份', '州'], k('dimension', 'state', 'State', '州/省')],
  [['country', 'geography', 'nation', '国家'], k('dimension', 'country', 'Country', '国家')],
  [['region', 'area', '地区', '区域'], k('dimension', 'region', 'Region', '地区', { builtIn: 'region' })],
  [['educationlevel', 'education', '教育水平', '学历'], k('dimension', 'education_level', 'Education level', '教育水平')],
  [['maritalstatus', 'marital', '婚姻状况'], k('dimension', 'marital_status', 'Marital status', '婚姻状况')],
  [['incomecategory', 'incomeband', '收入类别'], k('dimension', 'income_category', 'Income category', '收入类别')],
  [['cardcategory', 'cardtype'], k('dimension', 'card_category', 'Card category', '卡片类别')],
  [['plantier', 'plan', 'planname', 'plantype', 'package', 'tariff', '套餐类型', '套餐', '资费套餐'], k('dimension', 'plan', 'Plan', '套餐', { builtIn: 'plan' })],
  [['industry', 'sector', 'vertical', '行业'], k('dimension', 'industry', 'Industry', '行业', { builtIn: 'industry' })],
  [['referralsource', 'acquisitionchannel', 'channel', 'source', 'leadsource', '渠道', '来源'], k('dimension', 'channel', 'Acquisition channel', '获客渠道', { builtIn: 'channel' })],
  [['companysize', 'employees', '公司规模'], k('dimension', 'company_size', 'Company size', '公司规模', { builtIn: 'company_size' })],
  [['istrial', 'trial'], k('dimension', 'is_trial', 'Trial account', '试用账户')],
  [['hascrcard', 'hascreditcard'], k('dimension', 'has_credit_card', 'Has a credit card', '有信用卡')],
  [['isactivemember', 'activemember'], k('dimension', 'active_member', 'Active member', '活跃会员')],
  [['billingfrequency'], k('dimension', 'billing_frequency', 'Billing frequency', '计费周期')],
  // Traits of subscriptions and usage rows (SaaS exports keep them per row).
  [['autorenewflag', 'autorenew', 'autorenewal', 'isautorenew', '自动续费'], k('dimension', 'auto_renew', 'Auto-renew', '自动续费')],
  [['featurename', 'feature', 'featurekey', '功能', '功能名称'], k('dimension', 'feature', 'Feature', '功能')],
  [['isbetafeature', 'betafeature', 'isbeta', '测试版功能'], k('dimension', 'beta_feature', 'Beta feature', '测试版功能')],
  [['upgradeflag', 'upgraded', 'isupgrade'], k('dimension', 'upgraded', 'Upgraded', '升级')],
  [['downgradeflag', 'downgraded', 'isdowngrade'], k('dimension', 'downgraded', 'Downgraded', '降级')],
  // Numeric attributes.
  [['age', 'customerage', '年龄'], k('measure', 'age', 'Age', '年龄', { unit: 'years' })],
  [['numberofdependents', 'dependentcount', 'dependantcount'], k('measure', 'dependents_count', 'Number of dependents', '受抚养人数', { unit: 'count' })],
  [['numberofreferrals'], k('measure', 'referrals', 'Number of referrals', '推荐人数', { unit: 'count' })],
  [['avgmonthlylongdistancecharges'], k('measure', 'long_distance_charges', 'Avg monthly long-distance charges', '月均长途费', { unit: 'currency' })],
  [['avgmonthlygbdownload'], k('measure', 'gb_download', 'Avg monthly download (GB)', '月均下载量(GB)', { unit: 'number' })],
  [['totalcharges', 'totalcharge', 'totalspend', '总费用', '累计消费'], k('measure', 'total_charges', 'Total charges', '总费用', { unit: 'currency' })],
  // Revenue is not charges where both exist (IBM 11.1.3: revenue = charges + extra data + long distance − refunds).
  [['totalrevenue', 'lifetimevalue', 'lifetimerevenue', '总收入', '累计收入'], k('measure', 'total_revenue', 'Total revenue', '总收入', { unit: 'currency' })],
  [['totalrefunds'], k('measure', 'total_refunds', 'Total refunds', '退款总额', { unit: 'currency' })],
  [['totalextradatacharges'], k('measure', 'extra_data_charges', 'Total extra data charges', '额外流量费', { unit: 'currency' })],
  [['totallongdistancecharges'], k('measure', 'total_long_distance_charges', 'Total long-distance charges', '长途费总额', { unit: 'currency' })],
  [['satisfactionscore', 'satisfaction', 'csat', '满意度'], k('measure', 'satisfaction_score', 'Satisfaction score', '满意度评分', { unit: 'score' })],
  [['totalrelationshipcount', 'numofproducts', 'numberofproducts', 'productcount'], k('measure', 'products', 'Number of products', '产品数量', { unit: 'count' })],
  [['monthsinactive12mon'], k('measure', 'months_inactive', 'Months inactive (last 12 months)', '近12个月不活跃月数', { unit: 'months' })],
  [['contactscount12mon'], k('measure', 'contacts', 'Contacts (last 12 months)', '近12个月联系次数', { unit: 'count' })],
  [['creditlimit'], k('measure', 'credit_limit', 'Credit limit', '信用额度', { unit: 'currency' })],
  [['totalrevolvingbal', 'revolvingbalance'], k('measure', 'revolving_balance', 'Revolving balance', '循环余额', { unit: 'currency' })],
  [['avgopentobuy'], k('measure', 'open_to_buy', 'Average open to buy', '平均可用额度', { unit: 'currency' })],
  [['totalamtchngq4q1'], k('measure', 'amount_change_q4_q1', 'Transaction amount change (Q4 vs Q1)', '交易金额变化(Q4比Q1)', { unit: 'ratio' })],
  [['totaltransamt'], k('measure', 'transaction_amount', 'Total transaction amount', '交易总额', { unit: 'currency' })],
  [['totaltransct'], k('measure', 'transaction_count', 'Total transaction count', '交易笔数', { unit: 'count' })],
  [['totalctchngq4q1'], k('measure', 'count_change_q4_q1', 'Transaction count change (Q4 vs Q1)', '交易笔数变化(Q4比Q1)', { unit: 'ratio' })],
  [['avgutilizationratio', 'utilizationratio'], k('measure', 'utilization_ratio', 'Average utilization ratio', '平均使用率', { unit: 'ratio' })],
  [['balance', 'accountbalance', '余额'], k('measure', 'balance', 'Balance', '余额', { unit: 'currency' })],
  [['creditscore', '信用评分'], k('measure', 'credit_score', 'Credit score', '信用评分', { unit: 'score' })],
  [['estimatedsalary', 'salary', '工资', '薪资'], k('measure', 'salary', 'Estimated salary', '估计工资', { unit: 'currency' })],
  [['income', '收入'], k('measure', 'income', 'Income', '收入', { unit: 'currency' })],
  [['householdsize', '家庭人数'], k('measure', 'household_size', 'Household size', '家庭人数', { unit: 'count' })],
  [['spend', 'spending', '消费金额'], k('measure', 'spend', 'Spend', '消费金额', { unit: 'currency' })],
  [['annualcontractvalue', 'acv', 'annualfee', 'yearlyfee', 'annualrevenue', 'yearlyrevenue', 'annualcharges', 'annualcharge', 'yearlycharges', '年费', '年合同额', '年度合同金额', '年收费'], k('measure', 'annual_revenue', 'Annual revenue', '年收入', { unit: 'currency' })],
  [['arramount', 'arr', 'annualrecurringrevenue', '年度经常性收入'], k('measure', 'arr', 'ARR', '年度经常性收入（ARR）', { unit: 'currency' })],
  [['seats', 'licenses', 'users', '席位数'], k('measure', 'seats', 'Seats', '席位数', { unit: 'count' })],
  [['population', '人口'], k('measure', 'population', 'Population', '人口', { unit: 'count' })],
  [['logins', 'sessions', '登录次数'], k('measure', 'logins', 'Logins', '登录次数', { unit: 'count' })],
  [['usage', '使用量'], k('measure', 'usage', 'Usage', '使用量', { unit: 'count' })],
  [['usagecount', 'usecount', 'timesused', '使用次数'], k('measure', 'usage', 'Usage count', '使用次数', { unit: 'count' })],
  // Columns of ticket, usage and churn-event files (RavenStack and similar SaaS exports).
  [['resolutiontimehours', 'resolutionhours', 'hourstoresolve', 'resolutiontime', '解决时长'], k('measure', 'resolution_hours', 'Ticket resolution time (hours)', '工单解决时长（小时）', { unit: 'number' })],
  [['firstresponsetimeminutes', 'firstresponseminutes', 'firstresponsetime', '首次响应时长'], k('measure', 'first_response_minutes', 'First response time (minutes)', '首次响应时长（分钟）', { unit: 'number' })],
  [['usagedurationsecs', 'usagedurationseconds', 'usageduration', '使用时长'], k('measure', 'usage_duration_secs', 'Usage duration (seconds)', '使用时长（秒）', { unit: 'number' })],
  [['errorcount', 'errors', '错误次数'], k('measure', 'errors', 'Errors', '错误次数', { unit: 'count' })],
  [['refundamountusd', 'refundamount', 'refund', 'refunds', '退款金额', '退款'], k('measure', 'refunds', 'Refunds', '退款金额', { unit: 'currency' })],
]

const known = new Map<string, KnownColumn>()
for (const [keys, entry] of entries) for (const key of keys) known.set(key, entry)

/** The dictionary key of a column name: lower case, letters, digits and CJK only. */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '')
}

/** What the dictionary knows about a column name, if anything. */
export function lookupColumn(name: string): KnownColumn | undefined {
  const key = columnKey(name)
  // Published classifier outputs carry their inputs in the name (BankChurners' Naive_Bayes_… columns).
  if (/^naivebayes|classifier|prediction|predicted|probability|propensity/.test(key)) {
    return k('ignore', 'model_output', 'Model output', '模型输出', { why: "a model's output that gives away the churn label" })
  }
  return known.get(key) ?? known.get(columnKey(withoutUnitNote(name)))
}

/** The name without a trailing unit or currency note: "Monthly Fee (EUR)" → "Monthly Fee", "月费（元）" → "月费". */
export function withoutUnitNote(name: string): string {
  return name.replace(/\s*[(（\[【][^()（）\[\]【】]{1,16}[)）\]】]\s*$/u, '').trim() || name
}

const currencyNotes: Array<[RegExp, string]> = [
  [/\b(USD|EUR|GBP|CNY|RMB|JPY|CHF|CAD|AUD|INR|BRL|SEK|NOK|DKK|PLN|HKD|SGD|KRW)\b/, ''],
  [/€/, 'EUR'], [/£/, 'GBP'], [/US\$|\$/, 'USD'], [/元|人民币|¥|￥/, 'CNY'],
]

/** The currency a column name states ("Monthly Fee (EUR)", "月费（元）"), if any. */
export function currencyFromName(name: string): string | undefined {
  for (const [re, code] of currencyNotes) {
    const m = re.exec(name)
    if (m) return code || (m[1] === 'RMB' ? 'CNY' : m[1])
  }
  return undefined
}

/** True when the column name says it counts months, years, weeks or days. */
export function unitFromName(name: string): TenureUnit | undefined {
  const n = name.toLowerCase()
  if (/month|月/.test(n)) return 'months'
  if (/year|年/.test(n)) return 'years'
  if (/week|周/.test(n)) return 'weeks'
  if (/day|天|日/.test(n)) return 'days'
  return undefined
}
