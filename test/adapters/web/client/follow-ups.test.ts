import { describe, expect, it } from 'vitest'
import { followUps } from '../../../../src/adapters/web/client/follow-ups.js'
import { pickLang, t } from '../../../../src/adapters/web/client/i18n.js'
import { isTokenMessage, tokenExpiry } from '../../../../src/adapters/web/client/tokens.js'

const dims = { en: [{ id: 'plan', name: 'Plan' }, { id: 'region', name: 'Region' }], zh: [{ id: 'plan', name: '套餐' }, { id: 'region', name: '地区' }] }
const starters = ['Show monthly churn rate for the last 12 months', 'Why are customers leaving?', 'What is our net revenue retention this year?']

describe('follow-up questions', () => {
  it('after a monthly trend: a breakdown by the first dimension, then starters not asked yet', () => {
    const last = { name: 'query_metric', input: { metric: 'churn_rate', grain: 'month' }, metricName: 'Customer churn rate' }
    expect(followUps({ lang: 'en', last, dimensions: dims.en, starters, asked: ['show monthly churn rate for the last 12 months'] })).toEqual([
      'What was our customer churn rate last quarter by plan?',
      'Why are customers leaving?',
      'What is our net revenue retention this year?',
    ])
  })

  it('after a breakdown by plan (zh): another dimension and the monthly trend', () => {
    const last = { name: 'query_metric', input: { metric: 'churn_rate', by: ['plan'] }, metricName: '客户流失率' }
    expect(followUps({ lang: 'zh', last, dimensions: dims.zh, starters: ['客户为什么流失？主要原因是什么？'], asked: [] })).toEqual([
      '上个季度按地区的客户流失率是多少？',
      '最近12个月每月的客户流失率趋势如何？',
      '客户为什么流失？主要原因是什么？',
    ])
  })

  it('does not repeat a breakdown a pending starter already offers', () => {
    const last = { name: 'query_metric', input: { metric: 'churn_rate', grain: 'month' }, metricName: 'Customer churn rate' }
    const withPlan = ['Show monthly churn rate for the last 12 months', 'What was our churn rate last quarter by plan?', 'Why are customers leaving?']
    expect(followUps({ lang: 'en', last, dimensions: dims.en, starters: withPlan, asked: [withPlan[0]] })).toEqual([
      'What was our customer churn rate last quarter by region?',
      'What was our churn rate last quarter by plan?',
      'Why are customers leaving?',
    ])
  })

  it('without a metric call: starters only, capped at max', () => {
    expect(followUps({ lang: 'en', dimensions: dims.en, starters, asked: [], max: 2 })).toEqual(starters.slice(0, 2))
  })
})

describe('UI language and token messages', () => {
  it('follows an explicit choice, then the saved one, then the browser languages', () => {
    expect(pickLang('zh', 'en', ['en-US'])).toBe('zh')
    expect(pickLang('auto', 'zh', ['en-US'])).toBe('zh')
    expect(pickLang(undefined, null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh')
    expect(pickLang(undefined, null, ['fr-FR', 'de'])).toBe('en')
    expect(t('zh', 'failed', { why: '超时' })).toBe('回答失败：超时')
  })

  it('accepts only token messages of the expected shape', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3OTU0MzQwMDB9.sig'
    expect(isTokenMessage({ type: 'churn-insight:token', token: jwt })).toBe(true)
    expect(isTokenMessage({ type: 'churn-insight:token', token: null })).toBe(true)
    expect(isTokenMessage({ type: 'churn-insight:token', token: '<img onerror=1>' })).toBe(false)
    expect(isTokenMessage({ type: 'churn-insight:token', token: 'a.b.' + 'c'.repeat(5000) })).toBe(false)
    expect(isTokenMessage({ type: 'other', token: jwt })).toBe(false)
    expect(isTokenMessage('churn-insight:token')).toBe(false)
    expect(tokenExpiry(jwt)).toBe(1795434000)
    expect(tokenExpiry('garbage')).toBe(0)
  })
})
