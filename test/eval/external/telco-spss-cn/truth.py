#!/usr/bin/env python3
"""Ground truth for the Chinese telecom (SPSS telco, GBK) eval set. Standard library only.

python3 truth.py          -> writes truth.json
python3 truth.py --check  -> recomputes, exits 1 if it differs from the committed truth.json
"""
import csv, json, math, statistics, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = (Path(__file__).resolve().parents[4] / '..' / 'shared' / 'data' / 'external'
        / 'telco-spss-cn' / 'Telephone.csv')

NUMERIC = ['年龄', '收入', '家庭人数', '开通月数', '消费金额']
CATEGORICAL = ['居住地', '婚姻状况', '教育水平', '性别', '电子支付', '套餐类型']
SPELL = {
    '开通月数': ['tenure', 'months of service', 'service months', '开通月数', '开通时长', '在网', '入网', '开通时间'],
    '电子支付': ['electronic payment', 'e-payment', 'e-pay', 'ebill', 'e-bill', 'epay', '电子支付'],
    '教育水平': ['education', '教育', '学历'],
    '套餐类型': ['plan', 'package', '套餐'],
    '年龄': [' age', '(age', 'older', 'younger', '年龄', '岁'],
    '收入': ['income', '收入'],
    '消费金额': ['spend', '消费'],
    '家庭人数': ['household', 'family size', '家庭人数', '家庭'],
    '居住地': ['city', 'residence', '居住地', '城市'],
    '婚姻状况': ['marital', 'married', '婚姻', '已婚'],
    '性别': ['gender', 'women', 'female', '性别'],
}
LABEL_EN = {'TS': ['Total service', 'total-service'], 'BS': ['Basic service'], 'ES': ['E-service'], 'PS': ['Plus service'],
            '北京': ['Beijing'], '上海': ['Shanghai'], '广州': ['Guangzhou'],
            '初中': ['junior high', 'middle school'], '高中': ['high school'], '大专': ['college', 'associate'],
            '本科': ['bachelor', 'undergraduate'], '研究生': ['postgraduate', 'graduate school', "master"],
            '已婚': ['married'], '未婚': ['unmarried', 'single'], '男': ['male', 'men'], '女': ['female', 'women']}
EDU = ['初中', '高中', '大专', '本科', '研究生']


def load():
    with open(DATA, newline='', encoding='gbk') as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r['churned'] = r['流失'] == 'Yes'
        for c in NUMERIC:
            r[c] = float(r[c]) if r[c].strip() != '' else None
    return rows


def rate(rows):
    return 100.0 * sum(r['churned'] for r in rows) / len(rows)


def pct(label, rows):
    return {'label': label, 'value': rate(rows), 'unit': 'percent'}


def num(label, v, unit='number'):
    return {'label': label, 'value': v, 'unit': unit}


def cnt(label, v):
    return {'label': label, 'value': v, 'unit': 'count'}


def vals(rows, col):
    return [r[col] for r in rows if r[col] is not None]


def groups(rows, col, order=None):
    g = {}
    for r in rows:
        g.setdefault(r[col], []).append(r)
    keys = order if order else sorted(g)
    return [(k, g[k]) for k in keys if k in g]


def mention_forms(label):
    """Short codes (BS/ES/PS/TS) would match inside ordinary words under case-insensitive substring search
    ("its", "results"), so they are only accepted next to a delimiter."""
    if len(label) > 3 or not label.isascii():
        return [label]
    pre = [' ', '(', '**', '`', '"', "'", ':', '|', '\n']
    post = [' ', ',', '.', ':', ')', '(', '**', '`', '"', "'", '\n', '|']
    zh_pre = ['（', '：', '，', '、', '是', '为', '套餐', '：', '】', '《']
    zh_post = ['（', '，', '。', '、', '套餐', '版', '计划', '档', '的', '）', '】', '》', ' 套餐', ' 版']
    return sorted(set([p + label + q for p in pre for q in post] + [p + label for p in zh_pre]
                      + [label + q for q in zh_post] + [label + ' tier', label + ' plan', label + ' package']))


def rank_entry(R, col, highest):
    rates = sorted(((rate(v), k) for k, v in groups(R, col)), reverse=highest)
    r, k = rates[0]
    e = {'figures': [pct(k, [x for x in R if x[col] == k])], 'mentions': [mention_forms(k) + LABEL_EN.get(k, [])]}
    tie = [kk for rr, kk in rates if abs(rr - r) < 1e-9]
    if len(tie) > 1:
        e['note'] = 'tie: %s' % tie
    return e


def pooled_sd(a, b):
    return math.sqrt((len(a) * statistics.pvariance(a) + len(b) * statistics.pvariance(b)) / (len(a) + len(b)))


def compute():
    R = load()
    ch = [r for r in R if r['churned']]
    st = [r for r in R if not r['churned']]
    T = {}
    T['churn_rate'] = {'figures': [pct('churn rate', R)]}
    T['churned_count'] = {'figures': [cnt('churned', len(ch))]}

    def breakdown(col, order=None, fmt=str):
        return {'figures': [pct(fmt(k), v) for k, v in groups(R, col, order)]}
    T['churn_by_city'] = breakdown('居住地', ['北京', '上海', '广州'])
    T['churn_by_plan'] = breakdown('套餐类型', ['BS', 'ES', 'PS', 'TS'])
    T['churn_by_education'] = breakdown('教育水平', EDU)
    T['churn_by_marital'] = breakdown('婚姻状况', ['已婚', '未婚'])
    T['churn_by_gender'] = breakdown('性别', ['男', '女'])
    T['churn_by_epay'] = breakdown('电子支付', ['Yes', 'No'], fmt=lambda k: '电子支付 ' + k)
    T['churn_by_household'] = breakdown('家庭人数', fmt=lambda k: '%d persons' % k)
    T['churn_by_household']['note'] = 'group sizes %s' % {int(k): len(v) for k, v in groups(R, '家庭人数')}
    y = [r for r in R if r['电子支付'] == 'Yes']
    n = [r for r in R if r['电子支付'] == 'No']
    T['epay_gap'] = {'figures': [pct('电子支付 Yes', y), pct('电子支付 No', n),
                                 {'label': 'gap (points)', 'value': rate(y) - rate(n), 'unit': 'percent'}]}
    T['top_plan'] = rank_entry(R, '套餐类型', True)
    T['top_education'] = rank_entry(R, '教育水平', True)
    T['lowest_education'] = rank_entry(R, '教育水平', False)

    T['median_tenure_by_status'] = {'figures': [num('median 开通月数 churned', statistics.median(vals(ch, '开通月数'))),
                                                num('median 开通月数 retained', statistics.median(vals(st, '开通月数')))]}
    T['rate_and_median_tenure'] = {'figures': [pct('churn rate', R)] + T['median_tenure_by_status']['figures']}
    T['avg_age_by_status'] = {'figures': [num('mean 年龄 churned', statistics.mean(vals(ch, '年龄'))),
                                          num('mean 年龄 retained', statistics.mean(vals(st, '年龄')))]}
    T['avg_age_churned'] = {'figures': [num('mean 年龄 churned', statistics.mean(vals(ch, '年龄')))]}
    T['avg_spend_churned'] = {'figures': [num('mean 消费金额 churned', statistics.mean(vals(ch, '消费金额')))]}
    T['count_and_avg_spend_churned'] = {'figures': [cnt('churned', len(ch))] + T['avg_spend_churned']['figures']}
    T['avg_household_by_status'] = {'figures': [num('mean 家庭人数 churned', statistics.mean(vals(ch, '家庭人数'))),
                                                num('mean 家庭人数 retained', statistics.mean(vals(st, '家庭人数')))]}
    T['avg_spend_by_plan'] = {'figures': [num(k, statistics.mean(vals(v, '消费金额')))
                                          for k, v in groups(R, '套餐类型', ['BS', 'ES', 'PS', 'TS'])]}
    lost = sum(vals(ch, '消费金额'))
    total = sum(vals(R, '消费金额'))
    T['spend_lost'] = {'figures': [num('sum 消费金额 of churners', lost, 'currency'),
                                   {'label': 'share of total 消费金额', 'value': 100.0 * lost / total, 'unit': 'percent'}],
                       'note': 'total 消费金额 of all customers %.2f (no unit in the file)' % total}

    T['churn_by_tenure_band'] = {'figures': [
        pct('under 12', [r for r in R if r['开通月数'] < 12]),
        pct('12-35', [r for r in R if 12 <= r['开通月数'] < 36]),
        pct('36 and over', [r for r in R if r['开通月数'] >= 36])]}
    T['churn_by_age_band'] = {'figures': [
        pct('30岁以下', [r for r in R if r['年龄'] < 30]),
        pct('30-44岁', [r for r in R if 30 <= r['年龄'] < 45]),
        pct('45岁及以上', [r for r in R if r['年龄'] >= 45])]}
    T['churn_income_gt100'] = {'figures': [pct('收入 > 100', [r for r in R if r['收入'] > 100]),
                                           pct('收入 <= 100', [r for r in R if r['收入'] <= 100])]}
    T['churn_spend_ge100'] = {'figures': [pct('消费金额 >= 100', [r for r in R if r['消费金额'] >= 100])]}
    sub = [r for r in R if r['婚姻状况'] == '已婚' and r['性别'] == '女' and r['套餐类型'] == 'TS']
    T['churn_married_f_ts'] = {'figures': [pct('已婚 & 女 & TS', sub)], 'note': 'n=%d' % len(sub)}
    sub = [r for r in R if r['婚姻状况'] == '未婚' and r['年龄'] < 30 and r['电子支付'] == 'Yes']
    T['churn_unmarried_u30_epay'] = {'figures': [pct('未婚 & 年龄<30 & 电子支付 Yes', sub)], 'note': 'n=%d' % len(sub)}
    sub = [r for r in R if r['居住地'] == '上海' and r['教育水平'] == '本科']
    T['churn_sh_bachelor'] = {'figures': [pct('上海 & 本科', sub)], 'note': 'n=%d' % len(sub)}

    effects = {}
    for c in NUMERIC:
        a, b = vals(ch, c), vals(st, c)
        effects[c] = (statistics.mean(a) - statistics.mean(b)) / pooled_sd(a, b)
    for c in CATEGORICAL:
        gs = sorted((rate(v) / 100, k) for k, v in groups(R, c) if len(v) >= 50)
        effects[c] = 2 * math.asin(math.sqrt(gs[-1][0])) - 2 * math.asin(math.sqrt(gs[0][0]))
    order = sorted(effects, key=lambda c: -abs(effects[c]))
    T['profile'] = {'mentions': [SPELL[c] for c in order[:3]], 'top3': order[:3],
                    'effects': {c: effects[c] for c in order}}
    T['no_reasons'] = {'mentions': [['no reason', 'no stated reason', 'no churn reason', 'not record', "doesn't record",
                                     'does not record', 'no data on why', 'no column', '没有', '无', '不包含']]}
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
