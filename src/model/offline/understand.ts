import type { DataCatalog } from '../../catalog/data-catalog.js'
import { fillerWords, type Role } from './function-words.js'
import type { Lexicon, Sense } from './lexicon.js'
import { isNoValue, isYesNoDimension, isYesValue } from '../../catalog/yes-no.js'
import { emptyMeaning, type Filters, type Meaning } from './meaning.js'
import { parseTime } from './parse-time.js'
import { recognise, type Mention } from './recognise.js'
import { pickSides } from './pick-sides.js'
import { edgesFrom, numberCues, type NumberCue } from './parse-numbers.js'
import type { BandEdge } from '../../catalog/measure.js'
import { resolveMetrics } from './resolve-metrics.js'
import { countByStatus } from './status-values.js'
import type { Token } from './segment-zh.js'

type Value = { dim: string; value: string; at: number }
const cueWords = new Set(['fewer', 'under', 'over', 'above', 'below', 'exceeding', 'greater', 'higher', 'lower', 'least', 'between', 'through', 'thru', 'inclusive'])
// Words before a dimension's name that quantify it rather than name one of its values ("no offer", "each plan").
const notValues = new Set(['no', 'not', 'any', 'each', 'every', 'all', 'other', 'non', '无', '没有', '各', '每个', '所有'])
const fillers = new Set([...fillerWords.en, ...fillerWords.zh])
const byWords = new Set(['by', 'per', 'split by', 'broken down by', 'segmented by', 'grouped by', '按', '按照'])
const segmentPrepositions = new Set(['for', 'in', 'from', 'among', 'at', 'of', 'the', 'on'])
const qualifierWords = new Set(['from', 'due to', 'because of', 'caused by', '因为', '由于'])
const roleOf = (m: Mention): Role | undefined => {
  const s = m.senses.find((x) => x.kind === 'role' && x.role !== 'filler')
  return s?.kind === 'role' ? s.role : undefined
}

/** Understands one clause: time words, catalog terms, the question's shape, and what was not understood. */
export function understandClause(text: string, cased: string, catalog: DataCatalog, lex: Lexicon): Meaning {
  const m = emptyMeaning()
  const time = parseTime(text, cased, { asOf: catalog.meta.asOf, dataStart: catalog.dataStart })
  Object.assign(m, { period: time.period, grain: time.grain, future: time.future, outOfRange: time.outOfRange })
  // "不满24个月" is "under 24 months", not "dissatisfied": same length, so offsets hold.
  const underFix = (x: string) => x.replace(/不满(?=\s*\d)/g, '不足')
  let recognised = recognise(underFix(time.cased), lex)
  // "每月付多少钱", "近12个月联系次数": time words inside a numeric attribute's name belong to the attribute.
  if (time.cased !== cased) {
    const whole = recognise(underFix(cased), lex)
    const attrs = whole.mentions.filter((x) => x.senses.some((s) => s.kind === 'measure'))
    const blanked = [...cased].flatMap((ch, i) => (time.cased[i] !== ch ? [i] : []))
    const inAttr = (i: number) => attrs.some((x) => x.start <= i && i < x.end)
    if (attrs.some((x) => blanked.some((i) => x.start <= i && i < x.end)) && blanked.every(inAttr)) {
      recognised = whole
      Object.assign(m, { period: undefined, grain: undefined })
    }
  }
  const { mentions, unknown, surface } = recognised
  for (const x of mentions) for (const s of x.senses) if (s.kind === 'role' && s.role !== 'filler') m.roles.add(s.role)
  // "平均每月下载量", "average monthly charges": an attribute named with its average asks for the average.
  if (mentions.some((x) => x.senses.some((s) => s.kind === 'measure') && /^(平均|average |avg |mean )/.test(x.key))) m.roles.add('average')
  const mentionedDims = new Set(mentions.flatMap((x) => (x.senses.length === 1 && x.senses[0].kind === 'dimension' ? [x.senses[0].id] : [])))
  const dims: Array<{ id: string; at: number; start: number }> = []
  const values: Value[] = []
  const metricMentions: Array<{ id: string; key: string; start: number; end: number }> = []
  const topics: string[] = []
  const measureMentions: Array<{ id: string; start: number }> = []
  // "收入未知", "plan Basic": a dimension's name right before one of its values names that dimension (and picks the value's).
  mentions.forEach((x, i) => {
    const next = mentions[i + 1]
    const named = x.senses.find((s) => s.kind === 'dimension' && next?.senses.some((v) => v.kind === 'value' && v.dim === s.id))
    if (named?.kind === 'dimension') mentionedDims.add(named.id)
  })
  const statusDims = new Set(catalog.dimensions.filter((d) => d.outcome === 'status').map((d) => d.id))
  const reasonDims = new Set(catalog.dimensions.filter((d) => d.outcome === 'reason_category').map((d) => d.id))
  for (const x of mentions) for (const s of x.senses) if (s.kind === 'value' && statusDims.has(s.dim)) m.statusValues.push({ dim: s.dim, value: s.value })
  // Inside a longer phrase ("how many churned" is one metric phrase) a status word still names its value.
  for (const dim of statusDims) {
    for (const { value } of catalog.values[dim] ?? []) {
      const word = value.toLowerCase()
      if (/^[a-z][a-z ]+$/.test(word) && new RegExp(`\\b${word}\\b`).test(text)) m.statusValues.push({ dim, value })
    }
  }
  mentions.forEach((x, i) => {
    const prev = i > 0 ? roleOf(mentions[i - 1]) : undefined
    const next = mentions[i + 1]
    const ownValue = x.senses.find((s) => s.kind === 'dimension' && next?.senses.some((v) => v.kind === 'value' && v.dim === s.id))
    const s = ownValue ?? pickSense(x.senses, prev, m.roles, mentionedDims, /\d/.test(time.cased))
    if (!s) return
    // "churn by tenure": a metric after "by" is a breakdown the data has no dimension for.
    if (s.kind === 'metric' && byWords.has(mentions[i - 1]?.key ?? '')) m.unknownValues.push({ raw: x.cased, breakdown: true })
    // "lost revenue from cancellations": a metric word after from/due to only says where the first one comes from.
    else if (s.kind === 'metric' && !(i > 0 && qualifierWords.has(mentions[i - 1].key))) metricMentions.push({ id: s.id, key: x.key, start: x.start, end: x.end })
    else if (s.kind === 'dimension') dims.push({ id: s.id, at: i, start: x.start })
    // "因为竞争对手而流失的", "left because of price": a value of the data's own churn category is a reason asked about.
    else if (s.kind === 'value' && reasonDims.has(s.dim)) topics.push(x.key)
    else if (s.kind === 'value') values.push({ dim: s.dim, value: s.value, at: i })
    else if (s.kind === 'reason') topics.push(x.key)
    else if (s.kind === 'measure') measureMentions.push({ id: s.id, start: x.start })
  })
  m.measures = [...new Set(measureMentions.map((x) => x.id))]
  // "近12个月联系次数", "inactive months in the last year": a span that belongs to the attribute's own definition
  // is not the period asked about (a snapshot has one window anyway).
  const months = m.period && 'relative' in m.period ? (m.period.relative === 'last_n_months' ? m.period.n : m.period.relative === 'last_year' ? 12 : undefined) : undefined
  const spanInName = (id: string) => {
    const def = catalog.measures.find((x) => x.id === id)
    return !!def && months !== undefined && (def.name.en.toLowerCase().includes(`${months} month`) || def.name.zh.includes(`${months}个月`))
  }
  if (catalog.coverage.kind === 'snapshot' && m.measures.some(spanInName)) m.period = undefined
  // "customers under 30", "30岁以下": a cut at an age-like number, with no attribute named, is on age when the data has it.
  const age = catalog.measures.find((x) => x.unit === 'years')
  if (!m.measures.length && age) {
    const lower = time.cased.toLowerCase()
    const ageCut = numberCues(lower).some((c) => (c.side !== 'plain' || /^\s*岁/.test(lower.slice(c.end))) && c.value >= 12 && c.value <= 100 && !c.unit &&
      !/^\s*(%|％|percent|个百分点|pp|次|个|人|美元|元|dollars?|usd|bucks)/.test(lower.slice(c.end)) && !/[$¥€£]/.test(lower.slice(c.start, c.end)) && !mentions.some((x) => x.start <= c.start && x.end >= c.end))
    if (ageCut) m.measures = [age.id]
  }
  // With a numeric attribute named, "12 months" or "2 years" are its cut points, not values that happen to share the words.
  const cues = m.measures.length ? numberCues(time.cased.toLowerCase()) : []
  if (cues.length) {
    for (const v of [...values]) {
      const at = mentions[v.at]
      if (at && /\d/.test(at.cased)) values.splice(values.indexOf(v), 1)
    }
    // "Under 30" may also name a yes/no column; with an age cut asked for, the numbers win.
    for (const d of [...dims]) if (/\d/.test(mentions[d.at]?.cased ?? '')) dims.splice(dims.indexOf(d), 1)
  }
  const population = populationFilters(dims, values, mentions, catalog, m.roles.has('compare') || m.roles.has('than') || m.roles.has('effect'))
  const unknownTokens = unknown.filter((t) => !/^\d+$/.test(t.text) && !fillers.has(t.text) && /[\p{L}]/u.test(t.text))
  // A word the data does not know right before a dimension name reads as a value of it ("Platinum plan", "白金套餐").
  const qualified = new Set<string>()
  for (const d of dims) {
    const before = unknownTokens.filter((t) => (t.end === d.start || t.end + 1 === d.start) && !notValues.has(t.text))
    if (!before.length) continue
    m.unknownValues.push({ dim: d.id, raw: before.map((t) => t.cased).join(' ') })
    qualified.add(d.id)
    for (const t of before) unknownTokens.splice(unknownTokens.indexOf(t), 1)
  }
  // A capitalised name after "for/in/from…" that the data does not know is a segment it does not have
  // ("churn in Antarctica", "the Platinum plan" where there are no plans): say so rather than answer for everyone.
  for (const t of unknownTokens) {
    const k = surface.tokens.findIndex((x) => x.start === t.start)
    const near = surface.tokens.slice(Math.max(0, k - 2), k).map((x) => x.text)
    if (!t.cjk && k > 0 && /^[A-Z]/.test(t.cased) && near.some((w) => segmentPrepositions.has(w))) m.unknownValues.push({ raw: t.cased })
  }
  // "德州客户", "白金用户": a word the data does not know right before 客户/用户 names a segment it does not have
  // — unless the question asks about everyone ("信用卡客户的整体流失率": the word describes the whole base).
  const everyone = /整体|总体|全体|全部客户|所有客户|\boverall\b|\bwhole\b|\bentire\b/.test(text)
  for (const t of everyone ? [] : unknownTokens) {
    const k = surface.tokens.findIndex((x) => x.start === t.start)
    const next = surface.tokens[k + 1]?.text ?? ''
    if (t.cjk && t.text.length >= 2 && /^(的)?(客户|用户|顾客|会员)/.test(next) && !fillers.has(t.text)) m.unknownValues.push({ raw: t.cased })
  }
  // "customers under 30" with no numeric attribute named: a cut the data has nothing to apply to (percentages cut a figure, not customers).
  if (!m.measures.length) {
    const text0 = time.cased.toLowerCase()
    const cut = numberCues(text0).find((c) => c.side !== 'plain' && c.side !== 'rangeEnd' && !/^\s*(%|％|percent|个百分点|pp)/.test(text0.slice(c.end)) &&
      !mentions.some((x) => x.start <= c.start && x.end >= c.end))
    const word = cut && unknownTokens.filter((t) => t.end <= cut.start && cut.start - t.end <= 2).at(-1)
    if (cut && word) m.unmatchedCut = time.cased.slice(word.start, cut.end).trim()
  }
  // Words that only say which side of a number is meant ("fewer than 20") were read with the number.
  if (cues.length || m.unmatchedCut) for (const t of [...unknownTokens]) if (cueWords.has(t.text)) unknownTokens.splice(unknownTokens.indexOf(t), 1)
  m.unknownWords = phrases(unknownTokens.filter((t) => !m.unknownValues.some((u) => u.raw === t.cased)), surface.cased)
  // "Does having dependents matter?", "有没有伴侣的客户流失率差多少": a yes/no trait asked about as such wants both
  // sides — a breakdown by it — not the one side its wording names.
  const contrast = m.roles.has('compare') || m.roles.has('than') || m.roles.has('effect')
  const yesNo = (id: string) => isYesNoDimension((catalog.values[id] ?? []).map((v) => v.value))
  const traits = contrast && !m.roles.has('churned') && !m.roles.has('retained')
    ? [...new Set([...values.map((v) => v.dim), ...dims.map((d) => d.id)])].filter(yesNo)
    : []
  const askedBy: string[] = []
  if (traits.length) {
    for (const v of [...values]) if (traits.includes(v.dim)) values.splice(values.indexOf(v), 1)
    askedBy.push(...traits)
  }
  for (const v of values) qualified.add(v.dim)
  m.by = [...new Set([...askedBy, ...dims.filter((d) => !qualified.has(d.id) && !askedBy.includes(d.id)).map((d) => d.id)])].slice(0, 2)
  // "流失率随联系次数怎么变化", "how does churn change with tenure": a change along an attribute or dimension is a breakdown, no trend.
  if (m.roles.has('trend') && !m.grain && (m.measures.length || dims.length) && /随着?|\b(?:vary|varies|varying|change|changes|changing) (?:with|by|across)\b/.test(text)) {
    m.roles.delete('trend')
    m.roles.add('by')
  }
  m.trend = m.roles.has('trend') || !!m.grain
  const sides = pickSides(values, m.roles)
  m.sides = sides?.sides
  m.filters = groupFilters(sides ? values.filter((v) => !sides.used.has(v)) : values)
  // "Are men or women more likely to churn?", "单身客户比已婚客户更容易流失吗？" on a snapshot: two values of one dimension
  // contrasted on churn itself ask for the churn rate of each — a breakdown by that dimension — not the comparison tool,
  // which on a snapshot profiles everything else about the two groups. (Dated data compares them over time, with a test.)
  const onChurn = /\b(?:churn|churns|churned|churning|leave|leaves|leaving|left|attrition|cancel\w*|quit)\b|流失|离开|离网/.test(text)
  const sideDims = new Set((m.sides ?? []).flatMap((x) => Object.keys(x.filters)))
  if (catalog.coverage.kind === 'snapshot' && m.sides && m.sides.length === 2 && onChurn && !m.measures.length && m.sides.every((x) => !x.status && Object.keys(x.filters).length > 0) && sideDims.size === 1) {
    const d = [...sideDims][0]
    m.sides = undefined
    m.by = [d, ...m.by.filter((x) => x !== d)].slice(0, 2)
  }
  // "DSL, fiber and no internet": several values of one dimension listed without a contrast ask for each of
  // them, so the dimension becomes a breakdown restricted to those values, not one combined figure.
  if (!sides) {
    for (const [dim, vs] of Object.entries(m.filters)) if (vs.length >= 2 && !m.by.includes(dim) && m.by.length < 2) m.by.push(dim)
    // A breakdown shows every value of its dimension: values named alongside it only say which rows matter.
    for (const dim of m.by) delete m.filters[dim]
  }
  dropEnumeratedAbsence(m, catalog)
  Object.assign(m.filters, population)
  // "excluding customers who just joined", "除了按月合同的客户": a value named after a word of exclusion keeps the others.
  const lowerText = time.cased.toLowerCase()
  for (const v of values) {
    const at = mentions[v.at]
    if (!at || !excluded.test(lowerText.slice(Math.max(0, at.start - 40), at.start)) || !m.filters[v.dim]) continue
    const others = (catalog.values[v.dim] ?? []).map((x) => x.value).filter((x) => !m.filters[v.dim].includes(x))
    if (others.length) m.filters[v.dim] = others
  }
  // "What about for seniors only?", "只看老年客户": a yes/no trait named as the group to keep is its Yes side, no breakdown.
  if (m.roles.has('only') && !contrast && !m.roles.has('by')) {
    for (const d of [...m.by]) {
      const yes = (catalog.values[d] ?? []).map((v) => v.value).find(isYesValue)
      if (!yes || !yesNo(d) || !dims.some((x) => x.id === d)) continue
      m.by = m.by.filter((x) => x !== d)
      m.filters[d] = [yes]
    }
  }
  // Unknown values go to the tool as given: its error names the values that exist.
  for (const u of m.unknownValues) if (u.dim) m.filters[u.dim] = [...(m.filters[u.dim] ?? []), u.raw]
  m.churnedOnly = m.roles.has('churned')
  const inMetricWords = m.roles.has('feedback') && !topics.length ? topicsInside(metricMentions.map((x) => x.key).filter((k) => !fillers.has(k)), lex) : []
  m.keywords = (topics.length ? topics : m.roles.has('feedback') ? [...m.unknownWords, ...inMetricWords] : []).slice(0, 5)
  m.anyComplaint = m.roles.has('feedback') && !m.keywords.length
  m.topics = topics
  m.metrics = resolveMetrics(metricMentions, surface.text, m.roles, fillers, catalog.metrics)
  // "流失客户的平均在网时长": the avg_tenure metric counts only customers still active at the end, so churners' tenure
  // (and on a snapshot, any group's: everyone in it is in the file) is the tenure attribute averaged over the group.
  const groupNamed = m.roles.has('churned') || m.roles.has('retained') || m.roles.has('lose')
  const tenure = catalog.measures.find((x) => x.source.kind === 'tenure')
  if (tenure && m.metrics.includes('avg_tenure') && (groupNamed || catalog.coverage.kind === 'snapshot')) {
    m.metrics = m.metrics.filter((id) => id !== 'avg_tenure')
    m.measures = [...new Set([tenure.id, ...m.measures])]
    m.roles.add('average')
  }
  // "churned customers" names the group, not a figure asked for.
  const groupWords = new Set(mentions.filter((x) => x.senses.some((s) => s.kind === 'role' && (s.role === 'churned' || s.role === 'retained'))).map((x) => x.key))
  m.metricsNamed = metricMentions.some((x) => !fillers.has(x.key) && !groupWords.has(x.key))
  // "那组有多少人", "how many people are in it": a head count of the group.
  // "总共有多少客户？": with 客户 a filler word, a count of customers still names the head count.
  if (!m.metrics.length && m.roles.has('howMany') && !m.measures.length && /多少人|多少个人|人数|多少个?(客户|用户)|客户总数|how many people|headcount/.test(text)) m.metrics = ['active_customers']
  m.rateWords = /\b(rates?|percent|percentage|share|proportion)\b|率|比例|占比/.test(text)
  m.refersBack = /\b(their|they|them|those)\b|他们|她们|这些客户|这批客户|这些人|这部分客户/.test(text)
  // "What do churners' monthly charges add up to?": the monthly revenue of those who left is churned MRR.
  const revenueMeasure = m.measures.find((id) => catalog.measures.find((x) => x.id === id)?.source.kind === 'mrr')
  const onlyHeadcount = m.metrics.every((id) => id === 'churned_customers' || id === 'churn_rate' || id === 'active_customers')
  // "…add up to?", "How much monthly revenue are we losing?": an amount of the revenue that left.
  if (revenueMeasure && (m.roles.has('sum') || (m.roles.has('lose') && !m.roles.has('average'))) && (m.roles.has('churned') || m.roles.has('lose') || m.metrics.includes('churned_customers')) && onlyHeadcount) {
    m.metrics = ['churned_mrr']
    m.measures = m.measures.filter((id) => id !== revenueMeasure)
  }
  // "churn by tenure: under 12, 12–24, over 24", "余额超过10万的客户流失率": numbers near a numeric attribute cut it into bands.
  const measure = catalog.measures.find((x) => x.id === m.measures[0])
  if (measure && !(m.roles.has('average') && !m.roles.has('band'))) {
    // "at each satisfaction score, 1 through 5": a range spanning every value asks for each of them, not for cuts.
    const spansAll = m.roles.has('by') && cues.length === 2 && cues[0].side === 'rangeStart' && cues[1].side === 'rangeEnd' && !cues[0].either
    const [a, b] = spansAll ? [cues[0].value, cues[1].value] : [0, 0]
    const eachValue = spansAll && Number.isInteger(a) && Number.isInteger(b) && b > a && b - a <= 10
    // "with vs without dependents", "有家属和没有家属": a count named as a trait one has or not is cut at 1 (none vs any).
    const lower = time.cased.toLowerCase()
    const asTrait = measure.integer && !cues.length && measureMentions.some((x) => x.id === measure.id && hasOrNot.test(lower.slice(0, x.start)))
    const edges = eachValue
      ? Array.from({ length: b - a }, (_, i) => ({ at: a + i, equalBelow: true }))
      : spansAll ? [] : asTrait ? [{ at: 1 }] : exactValue(cues, measure) ?? edgesFrom(cues, measure.unit)
    // "Do customers with more dependents churn more?": whether an attribute matters is churn across its bands.
    const matters = m.roles.has('effect') && !m.roles.has('churned') && !m.roles.has('retained')
    if (edges.length || m.roles.has('band') || m.roles.has('by') || matters) m.band = { measure: measure.id, edges }
  }
  const meaningful = mentions.filter((x) => roleOf(x) || x.senses.some((s) => s.kind !== 'role'))
  const lead = meaningful[0] ?? mentions[0]
  m.followup = (lead ? ['followup', 'only'].includes(roleOf(lead) ?? '') : false) || meaningful.at(-1)?.key === '呢'
  m.elliptical = !metricMentions.some((x) => !fillers.has(x.key)) && !dims.length && !values.length && !m.unknownValues.length &&
    !m.period && !m.grain && meaningful.length <= 2
  compositionOfChurners(m, text, catalog)
  m.intent = intentOf(m, values.length + dims.length)
  countByStatus(m)
  return m
}

// "share of churners", "percentage of churned customers", "流失客户中…": the churned customers as the whole a share is of.
const ofChurners = /\b(?:share|percentage|percent|proportion|fraction|how many) of (?:the |our |all |those )?(?:churners|churned customers|churned accounts|customers who (?:churned|left)|lost customers|customers we lost|those who left|people who left)\b|(?:流失(?:的)?(?:客户|用户)|流失的人|流失者)(?:中|里|当中|里面|之中)/

/**
 * "What share of churners were on month-to-month contracts?", "流失客户中有多少比例是按月签约的？": a share of the churned
 * customers by a trait is what churners are made of — their count per value, each with its share — not the churn rate of
 * the customers with that trait (which "what share of month-to-month customers churned?" asks).
 */
function compositionOfChurners(m: Meaning, text: string, catalog: DataCatalog): void {
  if (!ofChurners.test(text) || m.measures.length && !m.band) return
  const outcome = new Set(catalog.dimensions.filter((d) => d.outcome).map((d) => d.id))
  const dim = Object.keys(m.filters).find((d) => !outcome.has(d)) ?? m.by.find((d) => !outcome.has(d))
  if (!dim && !m.band) return
  m.metrics = ['churned_customers']
  if (dim) {
    m.by = [dim]
    delete m.filters[dim]
    m.band = undefined
  }
  m.sides = undefined
}

// Words before a value that exclude it ("excluding", "other than", 除了, 不包括), with a few words in between at most.
const excluded = /(?:\b(?:excluding|exclude|except(?: for)?|other than|apart from|not counting|leaving out|ignoring)\b|除了|除去|不含|不包括|不算|排除|去掉|剔除)(?:\s*\S+){0,4}\s*$/

// Words right before a count that make it a trait one has or lacks: "with dependents", "no dependents", "有家属", "没有家属".
const hasOrNot = /(?:\b(?:with|without|has|have|having|had|no|any)\s+(?:any\s+)?|(?:有|没有|无|没)\s*)$/

/** "customers who had 6 contacts", "有2个产品的客户": one plain whole number on a whole-number attribute is that value exactly. */
function exactValue(cues: NumberCue[], measure: DataCatalog['measures'][number]): BandEdge[] | undefined {
  // "inactive for 4 months" on a count of months is exactly 4; a unit the attribute is not counted in is a cut.
  if (cues.length !== 1 || cues[0].side !== 'plain' || !measure.integer || !Number.isInteger(cues[0].value) || (cues[0].unit && cues[0].unit !== measure.unit)) return undefined
  return [{ at: cues[0].value }, { at: cues[0].value, equalBelow: true }]
}

const populationHeads = new Set(['customers', 'customer', 'users', 'user', 'subscribers', 'subscriber', 'clients', 'accounts', 'members', 'member', '客户', '用户', '会员', '顾客', '账户'])
const insideWords = new Set(['里', '中', '当中', '之中', '里面'])
const noneLike = (v: string) => isNoValue(v) || /^none$/i.test(v)

/**
 * "internet customers with vs without online security", "Among phone customers…", "宽带用户里…": a service named
 * as a kind of customer, beside another trait, restricts the group to those who have it; it is no breakdown.
 */
function populationFilters(dims: Array<{ id: string; at: number }>, values: Value[], mentions: Mention[], catalog: DataCatalog, contrast: boolean): Filters {
  const out: Filters = {}
  for (const d of [...dims]) {
    const stored = (catalog.values[d.id] ?? []).map((v) => v.value)
    const none = stored.find(noneLike)
    if (!none || stored.length < 2) continue
    const next = mentions[d.at + 1]?.key ?? ''
    const prev = mentions[d.at - 1]?.key ?? ''
    const asKind = populationHeads.has(next) || /^(客户|用户)/.test(next) || prev === 'among'
    const inside = insideWords.has(mentions[d.at + 2]?.key ?? '') || insideWords.has(next)
    const others = dims.some((x) => x.id !== d.id) || values.some((v) => v.dim !== d.id)
    // Alone and with nothing contrasted ("电子账单客户的流失率", "churn among internet customers"), it is still the group asked about.
    if (!asKind || (!(others || inside) && contrast)) continue
    out[d.id] = stored.filter((v) => v !== none)
    dims.splice(dims.indexOf(d), 1)
  }
  return out
}

/**
 * "by internet type: DSL, cable, fiber and customers without internet", "online backup (yes / no / no internet)":
 * the customers without a service are one row of a breakdown whose values include them, not a filter on everything.
 */
function dropEnumeratedAbsence(m: Meaning, catalog: DataCatalog): void {
  const words = (s: string) => s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 2 && w !== 'service' && w !== 'type')
  for (const [dim, vs] of Object.entries(m.filters)) {
    if (m.by.includes(dim) || vs.length !== 1 || !noneLike(vs[0])) continue
    const name = catalog.dimensions.find((d) => d.id === dim)?.name.en ?? dim
    const covered = m.by.some((b) => {
      const stored = (catalog.values[b] ?? []).map((v) => v.value)
      const absent = stored.filter((v) => noneLike(v) || /^no /i.test(v))
      const bName = catalog.dimensions.find((d) => d.id === b)?.name.en ?? b
      return absent.length > 0 && words(name).some((w) => words(`${bName} ${absent.join(' ')}`).includes(w))
    })
    if (covered) delete m.filters[dim]
  }
}

// Chooses one meaning of an ambiguous phrase from its neighbours and the clause's shape.
function pickSense(senses: Sense[], prev: Role | undefined, roles: Set<Role>, mentionedDims: Set<string>, numbers = false): Sense | undefined {
  const real = senses.filter((s) => !(s.kind === 'role' && s.role === 'filler'))
  if (real.length <= 1) return real[0]
  const talk = roles.has('feedback') || roles.has('why')
  const contrast = roles.has('compare') || roles.has('than') || roles.has('retained')
  const find = <K extends Sense['kind']>(k: K) => real.filter((s): s is Extract<Sense, { kind: K }> => s.kind === k)
  const [metric, dim, vals, reason, role, measure] = [find('metric')[0], find('dimension')[0], find('value'), find('reason')[0], find('role')[0], find('measure')[0]]
  // A numeric attribute wins over a metric of the same name when the clause cuts, compares or averages it per customer.
  if (measure && !(reason && (roles.has('feedback') || roles.has('why'))) && (!metric || numbers || roles.has('churned') || roles.has('retained') || roles.has('band') || roles.has('effect') || (roles.has('average') && !roles.has('by')))) return measure
  if (dim && (prev === 'by' || prev === 'which')) return dim
  // "多线路每个选项的流失率": a phrase that names both a dimension and one of its values is the dimension when the clause breaks down.
  if (dim && roles.has('by') && !mentionedDims.size && vals.every((v) => v.dim === dim.id)) return dim
  if (role && (role.role === 'churned' || role.role === 'retained') && (talk || contrast || !metric)) return role
  if (reason && talk) return reason
  if (vals.length) return vals.find((v) => mentionedDims.has(v.dim)) ?? vals.find((v) => v.synonym) ?? vals[0]
  return metric ?? dim ?? role ?? reason ?? measure
}

// "complaints about support response times": the topic words inside a metric's name (support, response time).
function topicsInside(keys: string[], lex: Lexicon): string[] {
  const found: string[] = []
  for (const key of keys) {
    const padded = ` ${key} `
    const hit = lex.reasonKeys.filter((r) => (/^[a-z]/.test(r) ? padded.includes(` ${r} `) : key.includes(r)) && !found.some((f) => f.includes(r)))
    found.push(...(hit.length ? hit : [key]))
  }
  return [...new Set(found)]
}

function groupFilters(values: Value[]): Filters {
  const out: Filters = {}
  for (const v of values) if (!(out[v.dim] ?? []).includes(v.value)) out[v.dim] = [...(out[v.dim] ?? []), v.value]
  return out
}

// Adjacent unknown tokens form one phrase ("marketing spend", "移动端").
function phrases(tokens: Token[], text: string): string[] {
  const out: Array<{ start: number; end: number }> = []
  for (const t of tokens) {
    const last = out.at(-1)
    if (last && (t.start === last.end || (t.start === last.end + 1 && text[last.end] === ' '))) last.end = t.end
    else out.push({ start: t.start, end: t.end })
  }
  return out.map((p) => text.slice(p.start, p.end))
}

function intentOf(m: Meaning, segmentTerms: number): Meaning['intent'] {
  const r = m.roles
  if (r.has('describe') && !m.metrics.length && !segmentTerms) return 'describe'
  if (r.has('why')) return 'reasons'
  // "How many left because of competitors, and what share?": a count or share of a stated reason.
  const churnWord = r.has('lose') || r.has('churned') || m.metrics.some((id) => id === 'churn_rate' || id === 'churned_customers')
  if (m.topics.length && !m.measures.length && !r.has('feedback') && churnWord && (r.has('howMany') || r.has('rate') || m.metrics.length > 0)) return 'reasons'
  if (r.has('feedback') && (m.keywords.length || m.anyComplaint)) return 'feedback'
  if (m.measures.length && r.has('average') && !m.band) return 'measure'
  // "the total revenue of customers who have since churned": an attribute of churners, with no rate asked, is summed up per group.
  if (m.measures.length && (r.has('sum') || r.has('churned') || r.has('retained')) && !m.band && !m.metricsNamed && !r.has('rate')) return 'measure'
  if (m.sides) return 'compare'
  if (m.band) return 'metric'
  // "What's the total MRR of the subscriptions that churned?": an attribute named with nothing else asked is summed up.
  if (m.measures.length && !m.metrics.length && !m.by.length && !Object.keys(m.filters).length && !m.period && !m.grain && !m.unknownWords.length) return 'measure'
  const asks = m.metrics.length || r.has('lose') || r.has('howMany') || r.has('trend') || r.has('most') || r.has('least') || r.has('rate')
  if (asks || m.by.length || Object.keys(m.filters).length || m.period || m.grain) return 'metric'
  return 'none'
}
