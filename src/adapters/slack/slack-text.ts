import { botLabels } from '../bot/bot-text.js'

/** Every fixed string the Slack bot posts, in both languages: the shared bot labels plus Slack's own. */
export const labels = {
  en: {
    ...botLabels.en,
    working: 'Working on it… the answer will appear in this channel.',
    asked: 'asked',
    truncated: 'The answer was shortened for Slack; the full answer is on the web page.',
    helpIntro: 'Ask me about customer churn in plain English or Chinese — mention me, DM me, or use `/churn <question>`. For example:',
  },
  zh: {
    ...botLabels.zh,
    working: '正在计算…… 答案将发到本频道。',
    asked: '提问',
    truncated: '答案在 Slack 中已截断，完整答案见网页。',
    helpIntro: '可以用中文或英文问我客户流失相关的问题——@我、私信我，或使用 `/churn <问题>`。例如：',
  },
} as const
