/** Languages the bots answer in. */
export type Lang = 'en' | 'zh'

/** Chinese when the question contains CJK ideographs: the answer follows the message, not a user setting no platform sends reliably. */
export function detectLang(text: string): Lang {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text) ? 'zh' : 'en'
}

/** Fixed strings every bot posts, in both languages; platform adapters add their own (slash-command help and so on). */
export const botLabels = {
  en: {
    howComputed: 'How was this computed?',
    period: 'Period',
    definition: 'Definition',
    failed: 'Sorry, I could not answer that',
    tooLong: (max: number) => `That question is too long (over ${max} characters). Please shorten it.`,
    truncated: 'The answer was shortened here; the full answer is on the web page.',
    continued: (n: number, of: number) => `(${n}/${of})`,
    chartFailed: 'The chart could not be attached here; see it with the data',
    onTheWeb: 'on the web page',
    helpData: (from: string, to: string, customers: number) => `Data: ${customers} customers, ${from} – ${to}.`,
    helpMetrics: 'Metrics',
    helpDimensions: 'Break down by',
    helpIntro: 'Ask me about customer churn in plain English or Chinese — mention me in a group or message me directly. For example:',
    emptyMention: 'What would you like to know? Try one of these:',
  },
  zh: {
    howComputed: '计算过程',
    period: '期间',
    definition: '口径',
    failed: '抱歉，无法回答这个问题',
    tooLong: (max: number) => `问题太长了（超过 ${max} 个字符），请精简后再问。`,
    truncated: '答案在此处已截断，完整答案见网页。',
    continued: (n: number, of: number) => `（${n}/${of}）`,
    chartFailed: '图表无法在此显示，请查看',
    onTheWeb: '网页上的图表和数据',
    helpData: (from: string, to: string, customers: number) => `数据：${customers} 个客户，${from} – ${to}。`,
    helpMetrics: '指标',
    helpDimensions: '可按以下维度拆分',
    helpIntro: '可以用中文或英文问我客户流失相关的问题——在群里@我，或直接私信我。例如：',
    emptyMention: '想了解什么？可以试试：',
  },
} as const

/** Words that ask for help instead of asking a question. */
export function isHelpRequest(text: string): boolean {
  return /^(help|\?|帮助|幫助|怎么用|使用说明)$/i.test(text.trim())
}
