import type { DataCatalog } from '../../catalog/data-catalog.js'
import { suggestionLine } from './suggestions.js'

/** Why a question is refused outright, before any tool runs. */
export type RefusalKind = 'personal_data' | 'individuals' | 'injection' | 'fabrication' | 'off_topic'

// Requests to see individual people's contact or identity data (aggregates are fine).
const personalData = [
  /\be-?mails?\b|\bemail address/, /\b(?:phone|telephone|mobile|cell) ?(?:numbers?|nos?)\b/, /\bhome address|\bstreet address|\baddresses\b|\baddress of\b/,
  /\bcontact (?:details|info|information)\b/, /\b(?:customer|their|full|first|last) names\b|\bnames (?:of|and)\b|\bwho (?:are|is) the customers\b/,
  /\bpersonal (?:data|information|details)\b|\bpii\b|\bssns?\b|\bsocial security\b|\bpasswords?\b/, /\b(?:credit )?card numbers?\b/,
  /\bcustomer ids?\b.*\b(?:and|with)\b|\bexport (?:the |all )?(?:customer|client)s?\b|\bcustomer list\b|\blist (?:of )?(?:all )?(?:the )?customers\b/,
  /邮箱|电子邮件|邮件地址|手机号|电话号码|联系电话|联系方式|姓名|名单|名字|住址|家庭地址|身份证|个人信息|隐私数据|银行卡号|卡号|密码|客户id|导出(?:所有)?客户/,
]
// Attempts to change the analyst's rules or reach its instructions.
const injection = [
  /\b(?:ignore|disregard|forget|override)\b.{0,30}\b(?:instructions?|rules|prompts?|guidelines|everything)\b/, /\bsystem prompt\b|\byour prompt\b|\byour instructions\b/,
  /\byou are now\b|\bact as\b|\bpretend (?:to be|you)\b|\bjailbreak\b|\bdeveloper mode\b|\bdan mode\b/, /\bdrop table\b|\bdelete from\b|\btruncate table\b|\bupdate \w+ set\b|;\s*--/,
  /忽略.{0,12}(?:指令|指示|规则|提示|要求|设定)|系统提示|提示词|你现在是|扮演|越狱|开发者模式|删除表|删库/,
]
// Requests to name individual accounts: the analyst reports on segments, not on single customers.
const individuals = [
  /\bwhich customers\b|\bwho are (?:our|the)\b.*\bcustomers?\b|\b(?:top|biggest|largest) (?:\d+ )?customers\b/,
  /哪些客户(?!群|类|细分)|哪几个客户|哪几家客户|最大的客户|大客户是|具体是谁|谁流失了/,
]
// Requests for numbers that do not come from the data.
const fabrication = [
  /\bmake up\b|\bmade up\b|\binvent\b|\bfabricate\b|\bjust guess\b|\bfake (?:a |the )?(?:number|figure|data)\b|\bany number\b|\bmake (?:it|them) look\b/,
  /随便编|编一个|编造|瞎编|捏造|虚构|随便给个|随便写个|假数据/,
]
// Everyday topics far from churn.
const offTopic = [
  /\bweather\b|\bpoem\b|\bjoke\b|\brecipe\b|\bstock price\b|\bshare price\b|\bfootball\b|\bsoccer\b|\bworld cup\b|\btranslate\b|\bcapital of\b|\bwho won\b|\bwrite (?:me )?(?:an? )?(?:essay|story|song|code)\b|\bhoroscope\b/,
  /天气|写诗|一首诗|笑话|菜谱|食谱|股价|股票|足球|世界杯|翻译|首都|星座|写一篇|写个故事/,
]

/** Classifies a question that must be refused, or returns undefined. */
export function refusalKind(text: string): RefusalKind | undefined {
  const hit = (list: RegExp[]) => list.some((re) => re.test(text))
  if (hit(injection)) return 'injection'
  if (hit(personalData)) return 'personal_data'
  if (hit(individuals)) return 'individuals'
  if (hit(fabrication)) return 'fabrication'
  if (hit(offTopic)) return 'off_topic'
  return undefined
}

const reasons: Record<RefusalKind, { en: string; zh: string }> = {
  personal_data: {
    en: "I can't share personal data such as names, emails, phone numbers or customer lists. I answer with aggregates: rates, counts, segments, reasons and short anonymised quotes.",
    zh: '我不能提供姓名、邮箱、电话等个人信息或客户名单。我只回答汇总数据：流失率、数量、分群对比、流失原因和匿名的简短引述。',
  },
  individuals: {
    en: "I report on groups of customers, not on individual accounts, so I can't list or rank single customers. I can show which segments churn most, why customers leave, and how churned customers differ from those who stayed.",
    zh: '我分析的是客户群体，不针对单个客户，所以不能列出或排名具体客户。我可以告诉你哪些细分群体流失最严重、客户为什么流失，以及流失客户和留存客户有什么区别。',
  },
  injection: {
    en: "I can't change how I work or reveal my instructions. I only answer questions about churn from this company's data.",
    zh: '我不能改变工作方式，也不能透露我的指令。我只根据公司数据回答客户流失相关的问题。',
  },
  fabrication: {
    en: "I won't make up numbers: every figure I give comes from a query over your data, with its period and definition.",
    zh: '我不会编造数字：我给出的每个数字都来自对你们数据的查询，并注明时间范围和口径。',
  },
  off_topic: {
    en: "That's outside what I can help with: I answer questions about customer churn, retention, revenue and feedback from this company's data.",
    zh: '这超出了我的范围：我只回答基于公司数据的客户流失、留存、收入和反馈相关问题。',
  },
}

/** The refusal text: what I won't do and why, then questions I can answer. Never a number from nowhere. */
export function refusalText(kind: RefusalKind, catalog: DataCatalog, lang: 'en' | 'zh'): string {
  return `${reasons[kind][lang]}\n\n${suggestionLine(catalog, lang)}`
}
