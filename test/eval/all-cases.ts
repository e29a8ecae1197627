import type { EvalCase } from './eval-case.js'
import { sampleEn } from './questions-sample-en.js'
import { sampleZh } from './questions-sample-zh.js'
import { riskCases } from './questions-risk.js'
import { telco } from './questions-telco.js'

/** Every eval case, sample company first, then the Telco import. */
export const allCases: EvalCase[] = [...sampleEn, ...sampleZh, ...riskCases, ...telco]
