/** UI languages. */
export type Lang = 'en' | 'zh'

const en = {
  intro: 'Ask why customers leave, in English or Chinese. Every number comes from SQL over your data.',
  dataAsOf: 'data as of {date}',
  starters: 'Try one of these',
  placeholder: 'Ask about churn…',
  inputLabel: 'Your question',
  send: 'Send',
  switchLang: '中文',
  switchLangLabel: 'Switch to Chinese',
  close: 'Close',
  you: 'You',
  thinking: 'Thinking…',
  querying: 'Querying {what}…',
  how: 'How was this computed?',
  tool: 'Tool',
  input: 'Input',
  period: 'Period',
  definition: 'Churn definition',
  rows: 'Rows',
  sql: 'SQL',
  csv: 'Download CSV',
  followUps: 'Ask next',
  chartFailed: 'The chart could not be drawn; the numbers are in the answer above.',
  unreachable: 'Cannot reach the churn-insight server. Check your connection, then try again.',
  failed: 'The answer failed: {why}',
  retry: 'Try again',
  signInTitle: 'Please sign in',
  signIn: 'Sign in to your portal to use churn-insight, then reopen this panel. (Your session may have expired.)',
  sessionFailed: 'Could not start a session: {why}',
  notEmbedded: 'This page only works inside the churn-insight widget.',
}

const zh: typeof en = {
  intro: '用中文或英文提问客户为什么流失。每个数字都来自对您数据的 SQL 查询。',
  dataAsOf: '数据截至 {date}',
  starters: '试试这些问题',
  placeholder: '询问客户流失……',
  inputLabel: '您的问题',
  send: '发送',
  switchLang: 'English',
  switchLangLabel: '切换到英文',
  close: '关闭',
  you: '您',
  thinking: '思考中…',
  querying: '正在查询 {what}…',
  how: '这是如何计算的？',
  tool: '工具',
  input: '输入',
  period: '期间',
  definition: '流失定义',
  rows: '行数',
  sql: 'SQL',
  csv: '下载 CSV',
  followUps: '接着问',
  chartFailed: '图表无法绘制；数字见上方回答。',
  unreachable: '无法连接 churn-insight 服务器。请检查网络后重试。',
  failed: '回答失败：{why}',
  retry: '重试',
  signInTitle: '请先登录',
  signIn: '请先登录您的门户网站再使用 churn-insight，然后重新打开此面板。（您的会话可能已过期。）',
  sessionFailed: '无法建立会话：{why}',
  notEmbedded: '此页面只能在 churn-insight 小部件中使用。',
}

/** Message keys. */
export type MessageKey = keyof typeof en
const tables: Record<Lang, typeof en> = { en, zh }

/** A UI string in `lang` with `{name}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '')
}

/** The starting language: an explicit choice (page data or the user's last switch), else the browser's languages. */
export function pickLang(explicit: string | undefined, saved: string | null, browser: readonly string[]): Lang {
  if (explicit === 'en' || explicit === 'zh') return explicit
  if (saved === 'en' || saved === 'zh') return saved
  const first = browser.find((l) => /^(en|zh)\b/i.test(l))
  return first && /^zh/i.test(first) ? 'zh' : 'en'
}
