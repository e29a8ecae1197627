/** Languages the bot answers in. */
export type Lang = 'en' | 'zh'

/** Chinese when the question contains CJK ideographs; Slack gives no reliable user locale on events. */
export function detectLang(text: string): Lang {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text) ? 'zh' : 'en'
}

/** Every fixed string the bot posts, in both languages. */
export const labels = {
  en: {
    howComputed: 'How was this computed?',
    period: 'Period',
    definition: 'Definition',
    working: 'Working on it… the answer will appear in this channel.',
    asked: 'asked',
    failed: 'Sorry, I could not answer that',
    tooLong: (max: number) => `That question is too long (over ${max} characters). Please shorten it.`,
    truncated: 'The answer was shortened for Slack; the full answer is on the web page.',
    chartFailed: 'The chart could not be attached here; see it with the data',
    onTheWeb: 'on the web page',
    helpIntro: 'Ask me about customer churn in plain English or Chinese — mention me, DM me, or use `/churn <question>`. For example:',
    helpData: (from: string, to: string, customers: number) => `Data: ${customers} customers, ${from} – ${to}.`,
    helpMetrics: 'Metrics',
    helpDimensions: 'Break down by',
    emptyMention: 'What would you like to know? Try one of these:',
  },
  zh: {
    howComputed: '计算过程',
    period: '期间',
    definition: '口径',
    working: '正在计算…… 答案将发到本频道。',
    asked: '提问',
    failed: '抱歉，无法回答这个问题',
    tooLong: (max: number) => `问题太长了（超过 ${max} 个字符），请精简后再问。`,
    truncated: '答案在 Slack 中已截断，完整答案见网页。',
    chartFailed: '图表无法在此显示，请查看',
    onTheWeb: '网页上的图表和数据',
    helpIntro: '可以用中文或英文问我客户流失相关的问题——@我、私信我，或使用 `/churn <问题>`。例如：',
    helpData: (from: string, to: string, customers: number) => `数据：${customers} 个客户，${from} – ${to}。`,
    helpMetrics: '指标',
    helpDimensions: '可按以下维度拆分',
    emptyMention: '想了解什么？可以试试：',
  },
} as const

/** Words that ask for help instead of asking a question. */
export function isHelpRequest(text: string): boolean {
  return /^(help|\?|帮助|幫助|怎么用|使用说明)$/i.test(text.trim())
}
