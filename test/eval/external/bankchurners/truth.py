#!/usr/bin/env python3
"""Ground truth for the BankChurners eval set. Standard library only; never reads project code.

python3 truth.py          -> writes truth.json
python3 truth.py --check  -> recomputes, exits 1 if it differs from the committed truth.json
"""
import csv, json, math, statistics, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = (Path(__file__).resolve().parents[4] / '..' / 'shared' / 'data' / 'external'
        / 'bankchurners-credit-card' / 'BankChurners.csv')

NUMERIC = ['Customer_Age', 'Dependent_count', 'Months_on_book', 'Total_Relationship_Count',
           'Months_Inactive_12_mon', 'Contacts_Count_12_mon', 'Credit_Limit', 'Total_Revolving_Bal',
           'Avg_Open_To_Buy', 'Total_Amt_Chng_Q4_Q1', 'Total_Trans_Amt', 'Total_Trans_Ct',
           'Total_Ct_Chng_Q4_Q1', 'Avg_Utilization_Ratio']
CATEGORICAL = ['Gender', 'Education_Level', 'Marital_Status', 'Income_Category', 'Card_Category']
# Avg_Open_To_Buy = Credit_Limit - Total_Revolving_Bal: derived, left out of the profile ranking.
PROFILE_EXCLUDE = {'Avg_Open_To_Buy'}

SPELL = {
    'Total_Trans_Ct': ['transaction count', 'number of transactions', 'transactions', 'transaction frequency', 'Total_Trans_Ct', 'trans_ct', '交易次数', '交易笔数'],
    'Total_Trans_Amt': ['transaction amount', 'transaction volume', 'Total_Trans_Amt', 'trans_amt', '交易金额', '交易额'],
    'Total_Ct_Chng_Q4_Q1': ['Ct_Chng', 'count change', 'change in transaction count', 'change in the number of transactions', 'Q4', '交易次数变化', '笔数变化', '季度变化'],
    'Total_Amt_Chng_Q4_Q1': ['Amt_Chng', 'amount change', 'change in transaction amount', '交易金额变化'],
    'Total_Revolving_Bal': ['revolving', 'carried balance', '循环余额', '周转余额', '循环信用'],
    'Avg_Utilization_Ratio': ['utilization', 'utilisation', '使用率'],
    'Contacts_Count_12_mon': ['contact', '联系'],
    'Months_Inactive_12_mon': ['inactiv', '不活跃'],
    'Total_Relationship_Count': ['relationship', 'products', '产品数', '持有产品'],
    'Customer_Age': [' age', '(age', 'older', 'younger', '年龄', '岁'],
    'Credit_Limit': ['credit limit', 'Credit_Limit', '信用额度'],
    'Months_on_book': ['months on book', 'Months_on_book', 'tenure', '开户'],
    'Dependent_count': ['dependent', '家属', '受抚养'],
    'Gender': ['gender', 'women', 'female', '性别', '女性'],
    'Education_Level': ['education', '学历', '教育'],
    'Marital_Status': ['marital', '婚姻'],
    'Income_Category': ['income', '收入'],
    'Card_Category': ['card type', 'card category', 'card tier', 'Card_Category', '卡种', '卡类', '卡片类型'],
}
LABEL_ZH = {
    'Uneducated': ['未受教育', '没受过教育'], 'High School': ['高中'], 'College': ['大专', '学院'],
    'Graduate': ['本科'], 'Post-Graduate': ['研究生'], 'Doctorate': ['博士'],
    'Blue': ['蓝卡'], 'Silver': ['银卡'], 'Gold': ['金卡'], 'Platinum': ['白金'],
    'Married': ['已婚'], 'Single': ['单身', '未婚'], 'Divorced': ['离婚', '离异'], 'Unknown': ['未知', '不详'],
    'Less than $40K': ['40K', '4万'], '$40K - $60K': ['40K - $60K', '40K-60K', '4-6万', '4万到6万'],
    '$60K - $80K': ['60K - $80K', '60K-80K', '6-8万'], '$80K - $120K': ['80K - $120K', '80K-120K', '8-12万'],
    '$120K +': ['120K', '12万'],
}


def load():
    with open(DATA, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        d = {k: v for k, v in r.items() if not k.startswith('Naive_Bayes')}
        d['churned'] = d['Attrition_Flag'] == 'Attrited Customer'
        for c in NUMERIC:
            d[c] = float(d[c]) if d[c].strip() != '' else None
        out.append(d)
    return out


def rate(rows):
    return 100.0 * sum(r['churned'] for r in rows) / len(rows)


def pct(label, rows):
    return {'label': label, 'value': rate(rows), 'unit': 'percent'}


def num(label, v):
    return {'label': label, 'value': v, 'unit': 'number'}


def cnt(label, v):
    return {'label': label, 'value': v, 'unit': 'count'}


def vals(rows, col):
    return [r[col] for r in rows if r[col] is not None]


def groups(rows, col, order=None):
    g = {}
    for r in rows:
        g.setdefault(r[col], []).append(r)
    keys = order if order else sorted(g, key=lambda k: (not isinstance(k, str), k))
    return [(k, g[k]) for k in keys if k in g]


def label_mentions(label):
    return [label] + LABEL_ZH.get(label, [])


def ranked(rows, col, highest=True):
    gs = groups(rows, col)
    rates = sorted(((rate(v), k) for k, v in gs), reverse=highest)
    top_rate, top = rates[0]
    tie = [k for r, k in rates if abs(r - top_rate) < 1e-9]
    return top, top_rate, tie


def pooled_sd(a, b):
    va, vb = statistics.pvariance(a), statistics.pvariance(b)
    return math.sqrt((len(a) * va + len(b) * vb) / (len(a) + len(b)))


def compute():
    R = load()
    ch = [r for r in R if r['churned']]
    st = [r for r in R if not r['churned']]
    T = {}
    T['churn_rate'] = {'figures': [pct('churn rate', R)]}
    T['churned_count'] = {'figures': [cnt('churned', len(ch))]}
    T['rate_and_count'] = {'figures': [cnt('churned', len(ch)), pct('churn rate', R)]}

    def breakdown(col, order=None, fmt=str):
        return {'figures': [pct(fmt(k), v) for k, v in groups(R, col, order)]}

    edu_order = ['Uneducated', 'High School', 'College', 'Graduate', 'Post-Graduate', 'Doctorate', 'Unknown']
    inc_order = ['Less than $40K', '$40K - $60K', '$60K - $80K', '$80K - $120K', '$120K +', 'Unknown']
    T['churn_by_card'] = breakdown('Card_Category', ['Blue', 'Silver', 'Gold', 'Platinum'])
    T['churn_by_income'] = breakdown('Income_Category', inc_order)
    T['churn_by_education'] = breakdown('Education_Level', edu_order)
    T['churn_by_marital'] = breakdown('Marital_Status', ['Married', 'Single', 'Divorced', 'Unknown'])
    T['churn_by_gender'] = breakdown('Gender', ['F', 'M'])
    T['churn_by_contacts'] = breakdown('Contacts_Count_12_mon', fmt=lambda k: '%d contacts' % k)
    T['churn_by_inactive'] = breakdown('Months_Inactive_12_mon', fmt=lambda k: '%d months inactive' % k)
    T['churn_by_relationship'] = breakdown('Total_Relationship_Count', fmt=lambda k: '%d products' % k)

    def rank_entry(col, highest):
        top, r, tie = ranked(R, col, highest)
        e = {'figures': [pct(top, [x for x in R if x[col] == top])],
             'mentions': [label_mentions(top)]}
        if len(tie) > 1:
            e['note'] = 'tie: %s' % tie
        return e
    T['top_education'] = rank_entry('Education_Level', True)
    T['lowest_income'] = rank_entry('Income_Category', False)
    T['lowest_marital'] = rank_entry('Marital_Status', False)
    T['top_card'] = rank_entry('Card_Category', True)
    T['top_card']['note'] = 'group sizes: %s' % {k: len(v) for k, v in groups(R, 'Card_Category')}

    dep = [r for r in R if r['Dependent_count'] >= 1]
    nodep = [r for r in R if r['Dependent_count'] == 0]
    T['churn_dependents_yesno'] = {'figures': [pct('with dependents (1+)', dep), pct('no dependents', nodep)]}
    F = [r for r in R if r['Gender'] == 'F']
    M = [r for r in R if r['Gender'] == 'M']
    T['churn_gender_gap'] = {'figures': [pct('F', F), pct('M', M),
                                          {'label': 'gap F-M (points)', 'value': rate(F) - rate(M), 'unit': 'percent'}]}
    T['churn_married_vs_single'] = {'figures': [pct('Married', [r for r in R if r['Marital_Status'] == 'Married']),
                                                 pct('Single', [r for r in R if r['Marital_Status'] == 'Single'])]}
    zero = [r for r in R if r['Total_Revolving_Bal'] == 0]
    pos = [r for r in R if r['Total_Revolving_Bal'] > 0]
    T['churn_revolving_zero_vs_positive'] = {'figures': [pct('zero revolving balance', zero), pct('balance > 0', pos)]}

    T['churn_f_blue'] = {'figures': [pct('F & Blue', [r for r in F if r['Card_Category'] == 'Blue'])]}
    T['churn_f_blue_lt40k'] = {'figures': [pct('F & Blue & Less than $40K', [
        r for r in F if r['Card_Category'] == 'Blue' and r['Income_Category'] == 'Less than $40K'])]}
    T['churn_single_m_lt40k'] = {'figures': [pct('M & Single & Less than $40K', [
        r for r in M if r['Marital_Status'] == 'Single' and r['Income_Category'] == 'Less than $40K'])]}

    def by_status(col, fn, name):
        return {'figures': [num('%s churned' % name, fn(vals(ch, col))), num('%s retained' % name, fn(vals(st, col)))]}
    T['avg_trans_ct_by_status'] = by_status('Total_Trans_Ct', statistics.mean, 'mean Total_Trans_Ct')
    T['median_trans_ct_by_status'] = by_status('Total_Trans_Ct', statistics.median, 'median Total_Trans_Ct')
    T['median_credit_limit_by_status'] = by_status('Credit_Limit', statistics.median, 'median Credit_Limit')
    T['avg_util_by_status'] = by_status('Avg_Utilization_Ratio', statistics.mean, 'mean Avg_Utilization_Ratio')
    T['avg_trans_amt_by_status'] = by_status('Total_Trans_Amt', statistics.mean, 'mean Total_Trans_Amt')
    T['avg_age_churned'] = {'figures': [num('mean age churned', statistics.mean(vals(ch, 'Customer_Age')))]}
    T['rate_and_avg_age_churned'] = {'figures': [pct('churn rate', R),
                                                 num('mean age churned', statistics.mean(vals(ch, 'Customer_Age')))]}
    T['avg_credit_by_card'] = {'figures': [num(k, statistics.mean(vals(v, 'Credit_Limit')))
                                           for k, v in groups(R, 'Card_Category', ['Blue', 'Silver', 'Gold', 'Platinum'])]}
    te = rank_entry('Education_Level', True)
    T['top_education_and_avg_credit_churned'] = {
        'figures': te['figures'] + [num('mean Credit_Limit churned', statistics.mean(vals(ch, 'Credit_Limit')))],
        'mentions': te['mentions']}

    T['churn_inactive_3plus'] = {'figures': [pct('inactive >= 3 months', [r for r in R if r['Months_Inactive_12_mon'] >= 3])]}
    T['churn_contacts_4plus'] = {'figures': [pct('contacts >= 4', [r for r in R if r['Contacts_Count_12_mon'] >= 4])]}
    T['churn_credit_gt10k'] = {'figures': [pct('Credit_Limit > 10000', [r for r in R if r['Credit_Limit'] > 10000])]}
    T['churn_mob_lt24'] = {'figures': [pct('Months_on_book < 24', [r for r in R if r['Months_on_book'] < 24])],
                           'note': 'customers with Months_on_book < 24: %d' % sum(r['Months_on_book'] < 24 for r in R)}
    T['churn_relationship_le2'] = {'figures': [pct('Total_Relationship_Count <= 2', [r for r in R if r['Total_Relationship_Count'] <= 2])]}
    T['churn_by_age_band'] = {'figures': [
        pct('under 30', [r for r in R if r['Customer_Age'] < 30]),
        pct('30-49', [r for r in R if 30 <= r['Customer_Age'] < 50]),
        pct('50 and over', [r for r in R if r['Customer_Age'] >= 50])],
        'note': 'group sizes %s' % [sum(r['Customer_Age'] < 30 for r in R), sum(30 <= r['Customer_Age'] < 50 for r in R),
                                    sum(r['Customer_Age'] >= 50 for r in R)]}
    T['churn_by_trans_amt_band'] = {'figures': [
        pct('under 2000', [r for r in R if r['Total_Trans_Amt'] < 2000]),
        pct('2000-4999', [r for r in R if 2000 <= r['Total_Trans_Amt'] < 5000]),
        pct('5000 and over', [r for r in R if r['Total_Trans_Amt'] >= 5000])]}
    c6 = [r for r in R if r['Contacts_Count_12_mon'] == 6]
    T['contacts6_counts'] = {'figures': [cnt('customers with 6 contacts', len(c6)),
                                         cnt('of them churned', sum(r['churned'] for r in c6))]}
    unk = [r for r in R if r['Income_Category'] == 'Unknown']
    T['income_unknown_counts'] = {'figures': [cnt('Income Unknown customers', len(unk)),
                                              cnt('of them churned', sum(r['churned'] for r in unk))]}

    # profile
    effects = {}
    for c in NUMERIC:
        if c in PROFILE_EXCLUDE:
            continue
        a, b = vals(ch, c), vals(st, c)
        effects[c] = (statistics.mean(a) - statistics.mean(b)) / pooled_sd(a, b)
    for c in CATEGORICAL:
        gs = [(rate(v) / 100, k) for k, v in groups(R, c) if len(v) >= 50]
        gs.sort()
        effects[c] = 2 * math.asin(math.sqrt(gs[-1][0])) - 2 * math.asin(math.sqrt(gs[0][0]))
    top3 = sorted(effects, key=lambda c: -abs(effects[c]))[:3]
    T['profile'] = {'mentions': [SPELL[c] for c in top3], 'top3': top3,
                    'effects': {c: effects[c] for c in sorted(effects, key=lambda c: -abs(effects[c]))}}
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
