import type { EvalCase } from './eval-case.js'
import { riskCases } from './questions-risk.js'
import { sampleEn } from './questions-sample-en.js'
import { sampleZh } from './questions-sample-zh.js'

/**
 * The sample company's cases (checked against independent SQL). The public data sets have their
 * own question sets with independent truth scripts in test/eval/external/ (the IBM Telco questions
 * that used to live here are superseded by test/eval/external/telco-cognos).
 */
export const allCases: EvalCase[] = [...sampleEn, ...sampleZh, ...riskCases]
