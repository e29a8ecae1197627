import { loadConfig } from '../src/config.js'
import { TurnPool } from '../src/chat/turn-pool/turn-pool.js'
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: '/tmp/prof/s5k.db', RATE_LIMIT_PER_MINUTE: '0' }) }
const pool = new TurnPool({ config, size: Number(process.argv[2] ?? 2), turnTimeoutMs: 60000, entry: process.env.ENTRY })
pool.warm()
const qs = ['What was our churn rate last quarter?','Which plan churns the most?','Why do customers leave?','Churn rate by region last year','How did MRR change over the last 12 months?','Compare churn for monthly and annual contracts','上个季度的流失率是多少？','客户为什么流失？','What is net revenue retention by quarter?','Show cohort retention']
const principal = { id: 'widget:x', kind: 'widget' as const }
for (const q of qs) await pool.ask({ question: q, principal })
const per: Record<string, number[]> = {}
let done = 0; const t0 = performance.now(); const N = Number(process.argv[3] ?? 300)
async function worker() { while (done < N) { const q = qs[done++ % qs.length]; const t = performance.now(); await pool.ask({ question: q, principal }); (per[q] ??= []).push(performance.now() - t) } }
await Promise.all(Array.from({ length: Number(process.argv[4] ?? 50) }, worker))
const s = (performance.now() - t0) / 1000
console.log('req/s', (N / s).toFixed(1))
await pool.close()
