/**
 * What a function word does in a question. Catalog terms (metrics, dimensions, values, reasons)
 * come from the data; these few words carry the question's shape.
 */
export type Role =
  | 'by' | 'compare' | 'than' | 'which' | 'most' | 'least' | 'why' | 'feedback' | 'trend'
  | 'churned' | 'retained' | 'describe' | 'followup' | 'only' | 'rest' | 'lose' | 'howMany' | 'rate' | 'new' | 'effect' | 'average' | 'band' | 'sum' | 'whole' | 'filler'

/** The fixed table of function words, English and Chinese (normalised: lower case, half-width). */
export const functionWords: Record<Exclude<Role, 'filler'>, { en: string[]; zh: string[] }> = {
  by: {
    en: ['by', 'per', 'across', 'for each', 'for every', 'each', 'split by', 'broken down by', 'break down', 'breakdown', 'segmented by', 'grouped by', 'different', 'split', 'distribution', 'mix',
      'vary with', 'varies with', 'vary by', 'varies by', 'vary across', 'change with', 'changes with', 'depend on', 'depends on', 'as a function of', 'go with', 'goes with'],
    zh: ['按', '各', '各个', '每个', '分', '不同', '按照', '分别按', '各类', '各种', '分布', '构成', '随着', '随'],
  },
  compare: { en: ['compare', 'compared', 'comparing', 'comparison', 'vs', 'versus', 'against', 'differ', 'difference', 'differences', 'different from', 'distinguish', 'distinguishes', 'sets apart', 'set apart', 'apart', 'apart from', 'characteristics', 'profile', 'look like', 'stand out', 'stands out'], zh: ['对比', '比较', '相比', '区别', '差异', '不同之处', '比', '哪个更高', '哪个更低', '哪个高', '谁更高', '更高', '更低', '有什么不同', '特征', '特点', '画像', '有什么特点'] },
  than: { en: ['than', 'more likely', 'less likely', 'more than', 'less than'], zh: ['比', '高于', '低于'] },
  which: { en: ['which', 'what kind of', 'which kind of'], zh: ['哪个', '哪些', '哪种', '哪类', '哪一个', '什么样的'] },
  most: { en: ['highest', 'most', 'worst', 'biggest', 'largest', 'top', 'max', 'the most', 'fastest'], zh: ['最高', '最多', '最严重', '最大', '最差', '最', '最快'] },
  least: { en: ['lowest', 'least', 'best', 'smallest', 'fewest', 'min'], zh: ['最低', '最少', '最好', '最小'] },
  why: { en: ['why', 'reason', 'reasons', 'cause', 'causes', 'causing', 'drivers', 'driving', 'what drives', "what's behind", 'what is behind', 'root cause', 'churn category', 'churn categories', 'churn reason', 'churn reasons'], zh: ['为什么', '原因', '为何', '怎么回事', '什么导致', '导致', '主要原因', '流失原因', '流失类别', '流失类型'] },
  feedback: {
    en: ['say', 'saying', 'said', 'says', 'feedback', 'comments', 'comment', 'complain', 'complaining', 'complaints about', 'mention', 'mentions', 'mentioning', 'think about', 'quotes', 'verbatims', 'opinions', 'reviews about', 'problems', 'issues', 'pain points', 'dislike', 'hate', 'unhappy about'],
    zh: ['评价', '反馈', '抱怨', '吐槽', '怎么说', '说了什么', '意见', '怎么看', '提到', '评论', '投诉了什么', '说的', '是怎么说的', '说', '不好', '不满', '不满意', '问题', '痛点', '差评'],
  },
  trend: {
    en: ['trend', 'trends', 'trended', 'trending', 'over time', 'going up or down', 'up or down', 'evolve', 'evolved', 'evolution', 'developed', 'change', 'changed', 'changes', 'changing', 'getting better', 'getting worse', 'better or worse', 'improving', 'worsening', 'month over month'],
    zh: ['趋势', '走势', '变化趋势', '变化', '怎么变', '演变', '变好', '变差', '改善', '恶化', '好转', '变好还是变差', '上升还是下降', '涨还是跌'],
  },
  churned: { en: ['churned customers', 'customers who churned', 'churned accounts', 'churners', 'customers who left', 'ones who left', 'those who left', 'churned users', 'churned', 'lost customers', 'attrited', 'attrited customers', 'attrited accounts', 'churned members'], zh: ['流失客户', '流失的客户', '流失用户', '流失的用户', '已流失客户', '流失了的客户', '走掉的客户', '流失会员', '流失的会员', '已流失会员', '流失顾客', '流失的顾客', '流失账户', '流失的账户'] },
  retained: { en: ['retained customers', 'retained', 'stayed', 'who stayed', 'ones who stayed', 'those who stayed', 'still active', 'loyal customers', 'kept', 'remaining customers', 'non-churned', 'non-churners', 'stay', 'who stay', 'existing customers', 'current customers'], zh: ['留存客户', '留存的客户', '留下的客户', '忠诚客户', '未流失', '没流失', '没有流失的客户', '留存用户', '留下来的客户', '留下来的', '没走的', '在网客户', '留存会员', '留存的会员', '留下的会员', '未流失会员', '留存顾客', '留存账户', '留存的账户'] },
  describe: {
    en: ['what data', 'which data', 'data is loaded', 'data do you have', 'what can i ask', 'what can you do', 'what can you answer', 'what questions', 'help', 'what metrics', 'which metrics', 'what dimensions', 'what is loaded', 'about our data', 'about the data', 'about this data', 'data overview', 'overview of the data', 'what do you know'],
    zh: ['能回答', '可以回答', '能问', '可以问', '哪些数据', '什么数据', '哪些指标', '加载了', '帮助', '有哪些维度', '能做什么', '介绍一下', '数据概况', '你们的数据', '有什么数据'],
  },
  followup: { en: ['and', 'what about', 'how about', 'and what about', 'same for', 'now', 'same thing', 'the same', 'same', 'same question', 'likewise'], zh: ['那', '呢', '那么', '那如果', '换成', '同样', '一样', '同样的'] },
  only: { en: ['only', 'just', 'only for', 'just for', 'limit to', 'filter to'], zh: ['只看', '仅看', '只', '仅', '只要', '单看', '那只看', '那只'] },
  rest: { en: ['the rest', 'everyone else', 'everybody else', 'others', 'all other', 'other customers'], zh: ['其他客户', '其余客户', '其他', '其余'] },
  lose: { en: ['lose', 'loses', 'lost', 'losing', 'left', 'leave', 'leaves', 'leaving', 'left us', 'cancel', 'cancels', 'cancelled', 'canceled', 'quit', 'quits', 'drop', 'dropped'], zh: ['流失了', '掉了', '走了', '离开', '丢了', '丢失', '取消了', '退订', '损失', '损失了', '少了'] },
  howMany: { en: ['how many', 'number of', 'count of', 'count', 'total number'], zh: ['多少', '几个', '几家', '多少个', '多少家', '数量', '多少人', '人数'] },
  rate: { en: ['rate', 'percentage', 'percent', 'share', 'ratio', 'likely'], zh: ['率', '比例', '比率', '占比'] },
  new: { en: ['new', 'signed up', 'sign up', 'joined', 'acquired'], zh: ['新增', '新', '新签'] },
  sum: { en: ['sum', 'add up', 'added up', 'combined', 'in total', 'altogether'], zh: ['加起来', '合计', '总和', '总计', '加总', '一共'] },
  // "What share of the year is that?": the figure asked beside the same figure over the enclosing year or all the data.
  whole: { en: ['share of the year', "of the year's total", 'of the whole year', 'of the full year', 'of the year total', 'share of the total', 'of the total', 'of all of them'], zh: ['占全年', '占全部', '占总数', '占整体', '占所有', '占全年的', '全年的比例'] },
  average: { en: ['average', 'mean', 'avg', 'median', 'typical', 'averages'], zh: ['平均', '平均值', '均值', '中位数', '平均数', '人均'] },
  band: { en: ['band', 'bands', 'bucket', 'buckets', 'bracket', 'brackets', 'range', 'ranges', 'group', 'groups', 'tier by'], zh: ['段', '分段', '区间', '档', '档位', '层级', '各段'] },
  // Asking whether a yes/no trait matters: both sides are wanted, not one of them.
  effect: {
    en: ['matter', 'matters', 'affect', 'affects', 'impact', 'influence', 'effect', 'make a difference', 'more or less', 'churn more', 'churn less', 'leave more', 'leave less', 'with vs without', 'with or without', 'with and without', 'or not', 'without', 'without it', "didn't", "don't", "doesn't", 'those without', 'the ones without', 'people who didn\'t', 'higher among', 'lower among', 'higher for', 'lower for', 'higher with', 'lower with', 'relate', 'relates', 'related', 'relationship', 'correlate', 'correlated', 'correlation', 'linked'],
    zh: ['影响', '有影响', '更容易', '差多少', '是否', '有没有', '有无', '还是', '差别', '关系', '有关', '相关', '有关系', '越', '越多', '越高', '越长', '越不容易', '更容易流失', '是不是', '没开的', '没开通的', '没用的', '没有的', '没办的', '不用的', '各多少', '分别', '开没开', '开没开通', '用没用', '办没办', '有没有开'],
  },
}

/** Words that carry no meaning for the analyst; anything else not recognised counts as an unknown term. */
export const fillerWords = {
  en: `a an the of for in on at to is are was were be been being our we us my me i you your it its it's this that these those there their they them
    what what's whats who how do does did done have has had show tell give get see look looking like please can could would will should
    with from about all any some so far much many overall total current currently now today right level value values number numbers
    doing going up down did we there's is it ok okay hey hi also still yet about over last past ones one customers customer accounts
    account users user clients members member people folks here bad good looks look data month months quarter quarters year years time period
    break down into per more less likely than versus vs and or but as well let's lets see me know tell us into
    dollars dollar usd bucks among people everyone group those ones whole entire base board using`.split(/\s+/).filter(Boolean)
    // "pay by electronic check" is how they pay, not a breakdown.
    .concat(['older', 'younger', 'aged', 'excluding', 'except', 'except for', 'other than', 'apart from', 'not counting', 'leaving out', 'because', 'times', 'used', 'use', 'uses', 'using', 'several', 'holders', 'holder', 'cardholders', 'per account', 'per customer', 'per user', 'per client', 'each account', 'gb', 'mb', 'pay by', 'pays by', 'paying by', 'paid by', 'pay with', 'pays with', 'paying with', 'paid with', 'pay via', 'paying via']),
  zh: ['的', '是', '了', '吗', '么', '呢', '啊', '呀', '吧', '我们', '我', '你', '你们', '他们', '她们', '它们', '有', '看', '看看', '一下', '请', '给', '给我',
    '现在', '目前', '当前', '客户', '用户', '会员', '顾客', '账户', '订户', '什么', '怎么', '怎么样', '如何', '多少', '到底', '情况', '和', '与', '及', '以及', '跟', '同', '在', '对',
    '这', '那', '这个', '那个', '这些', '那些', '都', '也', '还', '就', '又', '分别', '一共', '总共', '总体', '整体', '来', '说', '下', '些', '个', '家',
    '人', '数据', '有没有', '没有', '有些', '哪', '时候', '期间', '中', '里', '内', '上', '为', '把', '被', '让', '能', '可以', '会', '要', '想', '知道', '告诉',
    '帮', '帮我', '一', '大概', '大约', '左右', '这么', '那么', '其中', '主要', '具体', '所有', '全部', '之', '以来', '多', '少', '高', '低', '留不住', '不住',
    '年', '月', '季度', '天', '周', '份', '得', '地', '过', '着', '是否', '还是', '在', '哪里', '什么地方', '方面',
    '美元', '元', '块', '块钱', '人民币', '因为', '由于', '付款', '缴费', '付钱', '交费', '所以', '这批', '这些人', '他们的', '各', '呢',
    '方案', '开通', '开通了', '办理', '办理了', '订购', '订阅', '之间', '中有', '里有', '除了', '除去', '不包括', '不含', '不算', '排除', '剔除', '去掉', '这类', '这种', '那类', '那种', '该类', '这一类', '这组', '那组', '该组', '那里', '那儿', '这里',
    '万', '千', '亿', '以上', '以下', '及以上', '及以下', '以内', '次', '岁', '个月', '超过', '不满', '不到', '少于', '多于', '大于', '小于', '至少', '最多', '低于', '高于'],
}

/**
 * Everyday words for a few metrics that no catalog synonym covers ("are customers happy?").
 * Catalog words take precedence: these only fill gaps.
 */
export const metricParaphrases: Record<string, { en: string[]; zh: string[] }> = {
  nps: { en: ['happy', 'satisfied', 'unhappy', 'happiness', 'customer happiness'], zh: ['满意', '满不满意', '开心', '满意吗'] },
  logins_per_customer: { en: ['engaged', 'how engaged', 'how active', 'engagement level'], zh: ['活跃程度', '使用情况', '用得多不多'] },
}
