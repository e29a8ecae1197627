#!/usr/bin/env python3
"""Ground truth for the RavenStack eval set (synthetic SaaS, five dated tables). Standard library only.
Definitions: see brief.md.

python3 truth.py          -> writes truth.json
python3 truth.py --check  -> recomputes, exits 1 if it differs from the committed truth.json
"""
import csv, json, statistics, sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIR = Path(__file__).resolve().parents[4] / '..' / 'shared' / 'data' / 'external' / 'ravenstack-saas-churn'


def load(name):
    with open(DIR / ('ravenstack_%s.csv' % name), newline='', encoding='utf-8') as f:
        return list(csv.DictReader(f))


def d(s):
    return date.fromisoformat(s[:10])


def pct(label, num, den):
    return {'label': label, 'value': 100.0 * num / den, 'unit': 'percent'}


def cnt(label, v):
    return {'label': label, 'value': v, 'unit': 'count'}


def number(label, v, unit='number'):
    return {'label': label, 'value': v, 'unit': unit}


def month_start(y, m):
    return date(y, m, 1)


def next_month(y, m):
    return (y + 1, 1) if m == 12 else (y, m + 1)


def mention_forms(label):
    """'Pro' would match inside ordinary words ("product") under case-insensitive substring search,
    so short labels are only accepted next to a delimiter or a plan word."""
    if len(label) > 3:
        return [label]
    pre = [' ', '(', '**', '`', '"', "'", ':', '|', '\n']
    post = [' ', ',', '.', ':', ')', '(', '**', '`', '"', "'", '\n', '|']
    zh_pre = ['（', '：', '，', '、', '是', '为', '套餐', '：', '】', '《']
    zh_post = ['（', '，', '。', '、', '套餐', '版', '计划', '档', '的', '）', '】', '》', ' 套餐', ' 版']
    return sorted(set([p + label + q for p in pre for q in post] + [p + label for p in zh_pre]
                      + [label + q for q in zh_post] + [label + ' tier', label + ' plan', label + ' package']))


def compute():
    A = load('accounts'); S = load('subscriptions'); U = load('feature_usage')
    TK = load('support_tickets'); E = load('churn_events')
    acc = {a['account_id']: a for a in A}
    ev = {}
    for e in E:
        ev.setdefault(e['account_id'], []).append(e)
    for v in ev.values():
        v.sort(key=lambda e: (e['churn_date'], e['churn_event_id']))
    churned = set(ev)                       # account-level definition: >= 1 churn event
    flagged = {a['account_id'] for a in A if a['churn_flag'] == 'True'}
    # gone for good: final event is not a reactivation -> gone from that churn_date
    gone_from = {a: d(v[-1]['churn_date']) for a, v in ev.items() if v[-1]['is_reactivation'] != 'True'}

    def active_on(a, day):
        if d(acc[a]['signup_date']) > day:
            return False
        g = gone_from.get(a)
        return not (g is not None and g < day)

    def churned_in(a, lo, hi):  # lo inclusive, hi exclusive
        return any(lo <= d(e['churn_date']) < hi for e in ev.get(a, []))

    def period(lo, hi):
        cohort = [a for a in acc if active_on(a, lo)]
        ch = [a for a in cohort if churned_in(a, lo, hi)]
        return len(cohort), len(ch)

    def month_rate(y, m):
        lo = month_start(y, m); hi = month_start(*next_month(y, m))
        n, c = period(lo, hi)
        return n, c, 100.0 * c / n

    T = {}
    N = len(A)
    T['accounts_churned_both'] = {'figures': [cnt('accounts with >= 1 churn event', len(churned)),
                                              cnt('accounts flagged churn_flag', len(flagged))],
                                  'note': 'of %d accounts; %d with an event whose latest event is not a reactivation; '
                                          'flagged & event %d, flagged only %d, event only %d'
                                          % (N, len(gone_from), len(flagged & churned), len(flagged - churned), len(churned - flagged))}
    T['churn_rate_accounts'] = {'figures': [pct('accounts with a churn event / all accounts', len(churned), N)],
                                'note': '%d of %d' % (len(churned), N)}
    T['flagged_count'] = {'figures': [cnt('flagged', len(flagged)), pct('flagged share', len(flagged), N)]}

    def breakdown(col, chset, order):
        figs = []
        for k in order:
            ids = [a for a in acc if acc[a][col] == k]
            figs.append(pct(k, sum(a in chset for a in ids), len(ids)))
        return {'figures': figs}
    IND = sorted({a['industry'] for a in A}); CTY = sorted({a['country'] for a in A})
    REF = sorted({a['referral_source'] for a in A}); PLAN = ['Basic', 'Pro', 'Enterprise']
    T['churn_by_industry'] = breakdown('industry', churned, IND)
    T['churn_by_country'] = breakdown('country', churned, CTY)
    T['churn_by_referral'] = breakdown('referral_source', churned, REF)
    T['churn_by_plan'] = breakdown('plan_tier', churned, PLAN)
    T['flag_churn_by_industry'] = breakdown('industry', flagged, IND)
    T['flag_churn_by_plan'] = breakdown('plan_tier', flagged, PLAN)
    T['churn_by_trial'] = breakdown('is_trial', churned, ['True', 'False'])
    pf = T['churn_by_plan']['figures']
    top = max(pf, key=lambda f: f['value'])
    # "loses the most accounts" can mean count or rate: the truth requires only the tier, which must be the
    # top one by both measures (checked below); counts and rates are in the note.
    by_count = {k: sum(a in churned for a in acc if acc[a]['plan_tier'] == k) for k in PLAN}
    assert max(by_count, key=by_count.get) == top['label']
    T['top_plan_tier'] = {'figures': [], 'mentions': [mention_forms(top['label']) + [{'Basic': '基础版', 'Pro': '专业版', 'Enterprise': '企业版'}[top['label']]]],
                          'note': 'churned accounts %s; rates %s' % (by_count, [(f['label'], round(f['value'], 2)) for f in pf])}
    dev = [a for a in acc if acc[a]['industry'] == 'DevTools']
    T['devtools_counts'] = {'figures': [cnt('DevTools accounts', len(dev)), cnt('DevTools churned', sum(a in churned for a in dev))]}
    big = [a for a in acc if int(acc[a]['seats']) >= 20]
    small = [a for a in acc if int(acc[a]['seats']) < 20]
    T['churn_by_seats_band'] = {'figures': [pct('seats >= 20', sum(a in churned for a in big), len(big)),
                                            pct('seats < 20', sum(a in churned for a in small), len(small))],
                                'note': 'n = %d / %d' % (len(big), len(small))}
    ue = [a for a in acc if acc[a]['country'] == 'US' and acc[a]['plan_tier'] == 'Enterprise']
    T['churn_us_enterprise'] = {'figures': [pct('US & Enterprise', sum(a in churned for a in ue), len(ue))], 'note': 'n=%d' % len(ue)}

    # events
    q = {1: 0, 2: 0, 3: 0, 4: 0}
    for e in E:
        dt = d(e['churn_date'])
        if dt.year == 2024:
            q[(dt.month - 1) // 3 + 1] += 1
    T['events_by_quarter_2024'] = {'figures': [cnt('Q%d 2024' % i, q[i]) for i in range(1, 5)]}
    tq = max(q, key=q.get)
    T['events_top_quarter_2024'] = {'figures': [cnt('Q%d 2024' % tq, q[tq])],
                                    'mentions': [['Q%d' % tq, '第%s季度' % '一二三四'[tq - 1], '%s季度' % '一二三四'[tq - 1]]]}
    T['events_q4_share_2024'] = {'figures': [cnt('Q4 2024 events', q[4]), pct('share of 2024 events', q[4], sum(q.values()))]}
    rc = {}
    for e in E:
        rc[e['reason_code']] = rc.get(e['reason_code'], 0) + 1
    order = sorted(rc, key=lambda k: (-rc[k], k))
    T['reason_shares'] = {'figures': [pct(k, rc[k], len(E)) for k in order],
                          'mentions': [[order[0], {'features': '功能'}.get(order[0], order[0])]],
                          'note': 'counts %s' % {k: rc[k] for k in order}}
    T['pricing_budget_share'] = {'figures': [pct('pricing + budget', rc['pricing'] + rc['budget'], len(E))]}
    refunds = [float(e['refund_amount_usd']) for e in E if e['refund_amount_usd'] != '']
    pos = [x for x in refunds if x > 0]
    T['refund_total_and_count'] = {'figures': [number('total refunds USD', sum(refunds), 'currency'),
                                               cnt('events with a refund', len(pos))]}
    T['avg_refund'] = {'figures': [number('mean refund of refunded events USD', statistics.mean(pos), 'currency')],
                       'note': 'over %d events with refund > 0' % len(pos)}
    T['reactivations'] = {'figures': [cnt('accounts with a reactivation event', len({e['account_id'] for e in E if e['is_reactivation'] == 'True'})),
                                      cnt('events marked is_reactivation', sum(e['is_reactivation'] == 'True' for e in E))]}

    # subscriptions / revenue
    mrr_ch = sum(float(s['mrr_amount']) for s in S if s['churn_flag'] == 'True')
    mrr_all = sum(float(s['mrr_amount']) for s in S)
    nch = sum(s['churn_flag'] == 'True' for s in S)
    T['mrr_churned_subs'] = {'figures': [number('MRR of churned subscriptions', mrr_ch, 'currency'), cnt('churned subscriptions', nch)]}
    T['mrr_churned_share'] = {'figures': [pct('churned MRR / all MRR', mrr_ch, mrr_all)],
                              'note': 'churned %.0f of %.0f' % (mrr_ch, mrr_all)}
    ar = {}
    for s in S:
        t = ar.setdefault(s['auto_renew_flag'], [0, 0]); t[0] += s['churn_flag'] == 'True'; t[1] += 1
    T['subs_churn_by_autorenew'] = {'figures': [pct('auto_renew True', *ar['True']), pct('auto_renew False', *ar['False']),
                                                {'label': 'gap True-False (points)', 'value': 100.0 * ar['True'][0] / ar['True'][1] - 100.0 * ar['False'][0] / ar['False'][1], 'unit': 'percent'}]}

    # tickets
    def mean_of(rows, col):
        return statistics.mean(float(r[col]) for r in rows if r[col].strip() != '')
    tc = [t for t in TK if t['account_id'] in churned]
    to = [t for t in TK if t['account_id'] not in churned]
    T['resolution_by_status'] = {'figures': [number('mean resolution hours churned', mean_of(tc, 'resolution_time_hours')),
                                             number('mean resolution hours others', mean_of(to, 'resolution_time_hours'))]}
    T['satisfaction_by_status'] = {'figures': [number('mean satisfaction churned', mean_of(tc, 'satisfaction_score')),
                                               number('mean satisfaction others', mean_of(to, 'satisfaction_score'))]}
    nchurned = len(churned); nother = N - nchurned
    T['tickets_per_account_by_status'] = {'figures': [number('tickets per churned account', len(tc) / nchurned),
                                                      number('tickets per other account', len(to) / nother)],
                                          'note': '%d tickets / %d churned accounts; %d / %d others' % (len(tc), nchurned, len(to), nother)}
    # usage
    sub_acc = {s['subscription_id']: s['account_id'] for s in S}
    uc = [float(u['usage_count']) for u in U if sub_acc[u['subscription_id']] in churned]
    uo = [float(u['usage_count']) for u in U if sub_acc[u['subscription_id']] not in churned]
    T['usage_count_by_status'] = {'figures': [number('mean usage_count per row churned', statistics.mean(uc)),
                                              number('mean usage_count per row others', statistics.mean(uo))],
                                  'note': 'rows %d / %d' % (len(uc), len(uo))}
    ft = {}
    for u in U:
        ft[u['feature_name']] = ft.get(u['feature_name'], 0) + int(u['usage_count'])
    fo = sorted(ft, key=lambda k: (-ft[k], k))
    T['top_feature'] = {'figures': [cnt(fo[0] + ' total usage_count', ft[fo[0]])], 'mentions': [[fo[0]]],
                        'note': 'next: %s' % [(k, ft[k]) for k in fo[1:4]]}

    # dated
    m24 = [month_rate(2024, m) for m in range(1, 13)]
    T['monthly_rate_q4_2024'] = {'figures': [number('%s 2024' % n, m24[i][2], 'percent') for i, n in ((9, 'Oct'), (10, 'Nov'), (11, 'Dec'))],
                                 'note': 'active at start / churned: %s' % [m24[i][:2] for i in (9, 10, 11)]}
    n, c, r = m24[11]
    T['monthly_rate_2024_12'] = {'figures': [cnt('active on 2024-12-01', n), cnt('churned in Dec 2024', c), number('rate', r, 'percent')]}
    T['avg_monthly_rate_2024'] = {'figures': [number('mean of 12 monthly rates 2024', statistics.mean(x[2] for x in m24), 'percent')],
                                  'note': 'monthly (active, churned, %%): %s' % [(a, b, round(p, 2)) for a, b, p in m24]}
    n1, c1 = period(date(2024, 1, 1), date(2024, 4, 1))
    n4, c4 = period(date(2024, 10, 1), date(2025, 1, 1))
    T['q1_vs_q4_2024'] = {'figures': [pct('Q1 2024 cohort churn', c1, n1), pct('Q4 2024 cohort churn', c4, n4)],
                          'note': 'Q1: %d of %d active on 2024-01-01; Q4: %d of %d active on 2024-10-01; avg monthly Q1 %.4f, Q4 %.4f'
                                  % (c1, n1, c4, n4, statistics.mean(x[2] for x in m24[0:3]), statistics.mean(x[2] for x in m24[9:12]))}
    nh, ch_ = period(date(2024, 1, 1), date(2024, 7, 1))
    T['h1_2024_cohort'] = {'figures': [cnt('active on 2024-01-01', nh), cnt('churned Jan-Jun 2024', ch_), pct('H1 2024 cohort churn', ch_, nh)],
                           'note': 'average monthly rate H1 2024 %.4f' % statistics.mean(x[2] for x in m24[0:6])}
    return T


def main():
    T = compute()
    qs = json.load(open(HERE / 'questions.json', encoding='utf-8'))
    missing = {t['truth'] for q in qs for t in q['turns']} - set(T) - {'cannot'}
    if missing:
        print('questions reference missing truth keys:', missing)
        sys.exit(2)
    text = json.dumps(T, ensure_ascii=False, indent=1, sort_keys=True) + '\n'
    out = HERE / 'truth.json'
    if '--check' in sys.argv:
        if not out.exists() or json.loads(out.read_text(encoding='utf-8')) != json.loads(text):
            print('truth.json differs from recomputed truth')
            sys.exit(1)
        print('truth.json OK')
        return
    out.write_text(text, encoding='utf-8')
    print('wrote', out, len(T), 'keys')


if __name__ == '__main__':
    main()
