#!/usr/bin/env python3
"""Truth for telco-11 (IBM Telco churn 11.1.3+, four tables joined on Customer ID). Independent of the engine. python3 truth.py [--check]"""
# ---- shared helpers (copied verbatim into each truth.py; stdlib only) ----
import csv, json, math, statistics, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4] / '..' / 'shared' / 'data' / 'external'
HERE = Path(__file__).resolve().parent


def F(label, value, unit):
    return {"label": label, "value": value, "unit": unit}


def rate(rows):
    """snapshot churn rate in percent points: churned / all rows of the group"""
    if not rows:
        raise ValueError('empty group')
    return 100.0 * sum(1 for r in rows if r['_churn']) / len(rows)


def sel(rows, **eq):
    return [r for r in rows if all(r[k] == v for k, v in eq.items())]


def nums(rows, col):
    """numeric values of col, blank / space cells excluded (never 0)"""
    return [float(r[col]) for r in rows if r[col].strip() != '']


def mean(rows, col):
    return math.fsum(nums(rows, col)) / len(nums(rows, col))


def median(rows, col):
    return statistics.median(nums(rows, col))


def breakdown(rows, col, values, labels=None):
    labels = labels or values
    return [F(l, rate(sel(rows, **{col: v})), 'percent') for v, l in zip(values, labels)]


def by_churn(rows, col, fn, unit='number'):
    ch = [r for r in rows if r['_churn']]
    st = [r for r in rows if not r['_churn']]
    return [F('churned', fn(ch, col), unit), F('retained', fn(st, col), unit)]


def ranking(rows, col, values, highest=True):
    rs = [(rate(sel(rows, **{col: v})), v) for v in values]
    rs.sort(reverse=highest)
    return rs[0][1], rs[0][0]


def gap(rows, key, min_size=100):
    """largest churn-rate gap between the values of a dimension (groups >= min_size)"""
    groups = {}
    for r in rows:
        v = key(r)
        if v is None:
            continue
        groups.setdefault(v, []).append(r)
    rs = [rate(g) for g in groups.values() if len(g) >= min_size]
    return max(rs) - min(rs)


def main(compute):
    out = compute()
    text = json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + '\n'
    path = HERE / 'truth.json'
    if '--check' in sys.argv:
        old = json.loads(path.read_text(encoding='utf-8'))
        if old != json.loads(text):
            diff = sorted(k for k in set(old) | set(out) if old.get(k) != out.get(k))
            print('truth.json differs from recomputation:', diff)
            sys.exit(1)
        print('truth.json OK (%d keys)' % len(out))
        return
    path.write_text(text, encoding='utf-8')
    print('wrote', path, len(out), 'keys')

# reasons: English and Chinese spellings a reasonable answer would use
REASON_MENTIONS = {
    'Attitude of support person': ['attitude of support', 'support person', 'support staff', '客服态度', '支持人员态度', '服务人员态度', '态度'],
    'Attitude of service provider': ['attitude of service provider', 'service provider', '服务商态度', '服务提供商', '态度'],
    'Competitor offered higher download speeds': ['download speed', 'higher speed', '下载速度', '网速'],
    'Competitor offered more data': ['more data', '更多流量', '流量'],
    'Competitor made better offer': ['better offer', '更好的报价', '更优惠', '优惠'],
    'Competitor had better devices': ['better devices', 'better device', '更好的设备', '设备'],
    "Don't know": ["don't know", 'unknown', '不知道', '不清楚', '未知'],
    'Network reliability': ['network reliability', 'reliability', '网络可靠', '网络稳定', '可靠性'],
    'Product dissatisfaction': ['product dissatisfaction', '产品不满', '对产品不满'],
    'Price too high': ['price too high', 'too expensive', '价格太高', '价格过高', '太贵'],
    'Service dissatisfaction': ['service dissatisfaction', '服务不满', '对服务不满'],
    'Lack of self-service on Website': ['self-service', '自助服务'],
    'Extra data charges': ['extra data charges', '额外流量费', '流量费'],
    'Moved': ['moved', '搬家', '搬走'],
    'Limited range of services': ['limited range', '服务范围有限', '服务种类'],
    'Lack of affordable download/upload speed': ['affordable download', '网速', '价格合适的'],
    'Long distance charges': ['long distance', '长途'],
    'Poor expertise of phone support': ['phone support', '电话支持', '电话客服'],
    'Poor expertise of online support': ['online support', '在线支持', '在线客服'],
    'Deceased': ['deceased', '去世', '身故'],
}
# ---- end of shared helpers ----

DATA = ROOT / 'ibm-telco-churn-11.1.3'

CONTRACTS = ['Month-to-Month', 'One Year', 'Two Year']
PAYMENTS = ['Bank Withdrawal', 'Credit Card', 'Mailed Check']
ITYPES = ['DSL', 'Cable', 'Fiber Optic', 'None']
OFFERS = ['None', 'Offer A', 'Offer B', 'Offer C', 'Offer D', 'Offer E']
CATEGORIES = ['Competitor', 'Attitude', 'Dissatisfaction', 'Price', 'Other']
CATEGORY_MENTIONS = {'Competitor': ['competitor', '竞争对手', '竞品', '对手'],
                     'Attitude': ['attitude', '态度'],
                     'Dissatisfaction': ['dissatisfaction', '不满'],
                     'Price': ['price', '价格'],
                     'Other': ['other', '其他']}
CONTRACT_MENTIONS = {'Month-to-Month': ['month-to-month', '按月', '月付', '月度合同'],
                     'One Year': ['one year', 'one-year', '1-year', '一年'],
                     'Two Year': ['two year', 'two-year', '2-year', '两年', '二年']}
ITYPE_MENTIONS = {'Fiber Optic': ['fiber', 'fibre', '光纤'], 'DSL': ['DSL'], 'Cable': ['cable', '有线'], 'None': ['no internet', '无网络', '没有宽带']}
OFFER_MENTIONS = {o: [o, o.replace('Offer ', '优惠'), o.replace('Offer ', '方案')] for o in OFFERS[1:]}
OFFER_MENTIONS['None'] = ['no offer', '无优惠', '没有优惠']
DIM_MENTIONS = {
    'Satisfaction Score': ['satisfaction', '满意度', '满意'],
    'Contract': ['contract', '合同', '合约'],
    'Internet Type': ['internet type', 'fiber', 'fibre', '光纤', '网络类型'],
    'Tenure band': ['tenure', '在网', '入网', '网龄', '使用时长', 'new customers', '新客户'],
    'Payment Method': ['payment', 'bank withdrawal', '支付方式', '付款方式', '银行'],
    'Offer': ['offer', '优惠', '促销'],
    'Online Security': ['online security', '在线安全', '网络安全'],
    'Premium Tech Support': ['tech support', 'technical support', '技术支持'],
    'Referred a Friend': ['referr', '推荐'],
    'Dependents': ['dependents', '家属', '受抚养', '子女'],
    'Married': ['married', '已婚', '婚姻', '伴侣', '配偶'],
    'Senior Citizen': ['senior', '老年', '老人', '年长'],
    'Under 30': ['age', '年龄', 'under 30', '30岁'],
    'Unlimited Data': ['unlimited', '无限流量'],
    'Paperless Billing': ['paperless', '无纸化', '电子账单'],
    'Monthly > 70': ['monthly charge', '月费', 'price', '价格'],
    'Online Backup': ['online backup', '在线备份'],
    'Device Protection Plan': ['device protection', '设备保护'],
    'Streaming TV': ['streaming tv', '流媒体电视', '电视'],
    'Streaming Movies': ['streaming movies', '流媒体电影', '电影'],
    'Streaming Music': ['streaming music', '音乐'],
    'Multiple Lines': ['multiple lines', '多线', '多条线路'],
    'Phone Service': ['phone service', '电话服务'],
    'Gender': ['gender', '性别'],
}


def load():
    tables = {}
    for t in ['demographics', 'location', 'services', 'status']:
        with open(DATA / ('Telco_customer_churn_%s.csv' % t), encoding='utf-8-sig', newline='') as f:
            tables[t] = {r['Customer ID']: r for r in csv.DictReader(f)}
        assert len(tables[t]) == 7043
    ids = list(tables['status'])
    assert all(set(ids) == set(tables[t]) for t in tables)
    rows = []
    for cid in ids:
        r = {}
        for t in ['demographics', 'location', 'services', 'status']:
            for k, v in tables[t][cid].items():
                if k in r and r[k] != v:
                    raise ValueError('conflicting column %s for %s' % (k, cid))
                r[k] = v
        assert r['Churn Value'] in ('0', '1') and (r['Churn Value'] == '1') == (r['Customer Status'] == 'Churned')
        r['_churn'] = r['Churn Value'] == '1'
        a = int(r['Age'])
        assert (a < 30) == (r['Under 30'] == 'Yes')
        r['_ageband'] = '<30' if a < 30 else ('30-49' if a < 50 else ('50-64' if a < 65 else '65+'))
        t = int(r['Tenure in Months'])
        r['_tband'] = '<12' if t < 12 else ('12-24' if t <= 24 else '>24')
        r['_m70'] = 'over70' if float(r['Monthly Charge']) > 70 else 'upto70'
        r['_satlow'] = 'yes' if int(r['Satisfaction Score']) <= 2 else 'no'
        rows.append(r)
    return rows


def yesno(rows, col):
    return [F(col + ' = Yes', rate(sel(rows, **{col: 'Yes'})), 'percent'),
            F(col + ' = No', rate(sel(rows, **{col: 'No'})), 'percent')]


def compute():
    rows = load()
    ch = [r for r in rows if r['_churn']]
    T = {}
    T['overall_rate'] = {'figures': [F('churn rate', rate(rows), 'percent')]}
    T['churned_count'] = {'figures': [F('churned', len(ch), 'count')]}
    T['overall'] = {'figures': [F('churned', len(ch), 'count'), F('churn rate', rate(rows), 'percent')]}
    T['status_counts'] = {'figures': [F(s, len(sel(rows, **{'Customer Status': s})), 'count') for s in ['Stayed', 'Churned', 'Joined']]}
    T['churn_by_contract'] = {'figures': breakdown(rows, 'Contract', CONTRACTS)}
    T['churn_by_payment'] = {'figures': breakdown(rows, 'Payment Method', PAYMENTS)}
    T['churn_by_internettype'] = {'figures': breakdown(rows, 'Internet Type', ITYPES)}
    T['churn_by_offer'] = {'figures': breakdown(rows, 'Offer', OFFERS)}
    v, r_ = ranking(rows, 'Offer', OFFERS)
    T['top_offer'] = {'figures': [F(v, r_, 'percent')], 'mentions': [OFFER_MENTIONS[v]]}
    v, r_ = ranking(rows, 'Internet Type', ITYPES)
    T['top_internettype'] = {'figures': [F(v, r_, 'percent')], 'mentions': [ITYPE_MENTIONS[v]]}
    v, r_ = ranking(rows, 'Contract', CONTRACTS, highest=False)
    T['lowest_contract'] = {'figures': [F(v, r_, 'percent')], 'mentions': [CONTRACT_MENTIONS[v]]}
    T['techsupport_yesno'] = {'figures': yesno(rows, 'Premium Tech Support')}
    T['referred_yesno'] = {'figures': yesno(rows, 'Referred a Friend')}
    T['referred_yes_rate'] = {'figures': [yesno(rows, 'Referred a Friend')[0]]}
    T['referred_no_rate'] = {'figures': [yesno(rows, 'Referred a Friend')[1]]}
    T['unlimited_yesno'] = {'figures': yesno(rows, 'Unlimited Data')}
    T['onlinesecurity_yesno'] = {'figures': yesno(rows, 'Online Security')}
    T['churn_by_married'] = {'figures': breakdown(rows, 'Married', ['Yes', 'No'], ['married', 'not married'])}
    T['churn_by_dependents'] = {'figures': breakdown(rows, 'Dependents', ['Yes', 'No'], ['with dependents', 'without dependents'])}
    T['churn_by_senior'] = {'figures': breakdown(rows, 'Senior Citizen', ['Yes', 'No'], ['senior', 'not senior'])}
    T['churn_by_ageband'] = {'figures': breakdown(rows, '_ageband', ['<30', '30-49', '50-64', '65+'],
                                                  ['under 30', '30 to 49', '50 to 64', '65 or older'])}
    T['under30_rate'] = {'figures': [F('under 30', rate(sel(rows, _ageband='<30')), 'percent')]}
    T['under30_m2m_rate'] = {'figures': [F('under 30 & month-to-month', rate(sel(rows, _ageband='<30', Contract='Month-to-Month')), 'percent')]}
    T['churn_by_satisfaction'] = {'figures': breakdown(rows, 'Satisfaction Score', ['1', '2', '3', '4', '5'],
                                                       ['score 1', 'score 2', 'score 3', 'score 4', 'score 5'])}
    T['sat_low_rate'] = {'figures': [F('satisfaction 1 or 2', rate(sel(rows, _satlow='yes')), 'percent')]}
    T['fiber_m2m_rate'] = {'figures': [F('fiber optic & month-to-month',
        rate(sel(rows, **{'Internet Type': 'Fiber Optic', 'Contract': 'Month-to-Month'})), 'percent')]}
    T['m2m_nooffer_churned_count'] = {'figures': [F('month-to-month & no offer churned',
        len(sel(ch, Contract='Month-to-Month', Offer='None')), 'count')]}
    T['age_mean_by_churn'] = {'figures': by_churn(rows, 'Age', mean)}
    T['satisfaction_mean_by_churn'] = {'figures': by_churn(rows, 'Satisfaction Score', mean)}
    T['tenure_mean_by_churn'] = {'figures': by_churn(rows, 'Tenure in Months', mean)}
    T['monthlycharge_median_by_churn'] = {'figures': by_churn(rows, 'Monthly Charge', median)}
    T['monthly_mean_churned'] = {'figures': [by_churn(rows, 'Monthly Charge', mean)[0]]}
    T['gb_mean_by_internettype'] = {'figures': [F(t, mean(sel(rows, **{'Internet Type': t}), 'Avg Monthly GB Download'), 'number')
                                                for t in ['DSL', 'Cable', 'Fiber Optic']]}
    T['churn_by_tenure_band'] = {'figures': breakdown(rows, '_tband', ['<12', '12-24', '>24'],
        ['under 12 months', '12 to 24 months', 'over 24 months'])}
    T['churn_by_monthly70'] = {'figures': breakdown(rows, '_m70', ['over70', 'upto70'], ['over $70', '$70 or less'])}
    lost = math.fsum(float(r['Monthly Charge']) for r in ch)
    total = math.fsum(float(r['Monthly Charge']) for r in rows)
    T['revenue_lost'] = {'figures': [F('monthly charge of churners', lost, 'currency'),
                                     F('share of total monthly charge', 100.0 * lost / total, 'percent')]}
    tr = math.fsum(float(r['Total Revenue']) for r in ch)
    trall = math.fsum(float(r['Total Revenue']) for r in rows)
    T['churned_total_revenue'] = {'figures': [F('total revenue of churners', tr, 'currency'),
                                              F('share of all total revenue', 100.0 * tr / trall, 'percent')]}
    # reasons
    assert all(r['Churn Category'] in CATEGORIES and r['Churn Reason'].strip() for r in ch)
    assert not any(r['Churn Category'].strip() or r['Churn Reason'].strip() for r in rows if not r['_churn'])
    cat = {c: len(sel(ch, **{'Churn Category': c})) for c in CATEGORIES}
    T['churn_category_shares'] = {'figures': [F(c, 100.0 * cat[c] / len(ch), 'percent') for c in CATEGORIES]}
    ctop = max(CATEGORIES, key=lambda c: cat[c])
    assert sorted(cat.values())[-1] > sorted(cat.values())[-2]
    T['category_competitor_share'] = {'figures': [F('Competitor', cat['Competitor'], 'count'),
                                                  F('Competitor share of churners', 100.0 * cat['Competitor'] / len(ch), 'percent')]}
    T['internettype_and_category'] = {'figures': breakdown(rows, 'Internet Type', ITYPES), 'mentions': [CATEGORY_MENTIONS[ctop]]}
    T['contract_and_category'] = {'figures': breakdown(rows, 'Contract', CONTRACTS), 'mentions': [CATEGORY_MENTIONS[ctop]]}
    reasons = {}
    for r in ch:
        reasons[r['Churn Reason']] = reasons.get(r['Churn Reason'], 0) + 1
    top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    assert top[2][1] > top[3][1]
    T['top_reason'] = {'figures': [F(top[0][0], 100.0 * top[0][1] / len(ch), 'percent')],
                       'mentions': [REASON_MENTIONS[top[0][0]]]}
    T['top3_reasons'] = {'figures': [F(k, 100.0 * n / len(ch), 'percent') for k, n in top[:3]],
                         'mentions': [REASON_MENTIONS[k] for k, n in top[:3]]}
    # cities
    cc = {}
    for r in ch:
        cc[r['City']] = cc.get(r['City'], 0) + 1
    cl = sorted(cc.items(), key=lambda kv: (-kv[1], kv[0]))
    assert cl[0][1] > cl[1][1]
    city_zh = {'San Diego': '圣地亚哥', 'Los Angeles': '洛杉矶'}
    T['top_city_churned'] = {'figures': [F(cl[0][0] + ' churned', cl[0][1], 'count')],
                             'mentions': [[cl[0][0], city_zh[cl[0][0]]]]}
    T['top_city_rate'] = {'figures': [F(cl[0][0], rate(sel(rows, City=cl[0][0])), 'percent')]}
    # profile
    dims = {d: (lambda d: lambda r: r[d])(d) for d in [
        'Gender', 'Senior Citizen', 'Under 30', 'Married', 'Dependents', 'Referred a Friend', 'Offer', 'Phone Service',
        'Multiple Lines', 'Internet Type', 'Online Security', 'Online Backup', 'Device Protection Plan',
        'Premium Tech Support', 'Streaming TV', 'Streaming Movies', 'Streaming Music', 'Unlimited Data', 'Contract',
        'Paperless Billing', 'Payment Method', 'Satisfaction Score']}
    dims['Tenure band'] = lambda r: r['_tband']
    dims['Monthly > 70'] = lambda r: r['_m70']
    gaps = sorted(((gap(rows, fn), d) for d, fn in dims.items()), reverse=True)
    assert gaps[2][0] > gaps[3][0]
    T['profile'] = {'mentions': [DIM_MENTIONS[d] for g, d in gaps[:3]],
                    'note': 'largest churn-rate gaps (pp): ' + ', '.join('%s %.2f' % (d, g) for g, d in gaps[:7])}
    return T


if __name__ == '__main__':
    main(compute)
