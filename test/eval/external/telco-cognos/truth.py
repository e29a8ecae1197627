#!/usr/bin/env python3
"""Truth for telco-cognos (IBM Telco churn, Cognos edition). Independent of the engine. python3 truth.py [--check]"""
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

DATA = ROOT / 'ibm-telco-churn-cognos' / 'Telco_customer_churn.csv'

CONTRACTS = ['Month-to-month', 'One year', 'Two year']
INTERNET = ['DSL', 'Fiber optic', 'No']
PAYMENTS = ['Electronic check', 'Mailed check', 'Bank transfer (automatic)', 'Credit card (automatic)']
PAYMENT_MENTIONS = {'Electronic check': ['electronic check', 'e-check', 'echeck', '电子支票'],
                    'Mailed check': ['mailed check', '邮寄支票'],
                    'Bank transfer (automatic)': ['bank transfer', '银行转账'],
                    'Credit card (automatic)': ['credit card', '信用卡']}
CONTRACT_MENTIONS = {'Month-to-month': ['month-to-month', 'monthly contract', '按月', '月付', '月度合同'],
                     'One year': ['one year', '1-year', 'one-year', '一年'],
                     'Two year': ['two year', '2-year', 'two-year', '两年', '二年']}

DIM_MENTIONS = {
    'Contract': ['contract', '合同', '合约'],
    'Internet Service': ['internet service', 'fiber', 'fibre', '光纤', '互联网服务', '宽带'],
    'Tenure band': ['tenure', '在网', '入网', '网龄', '使用时长', 'new customers', '新客户'],
    'Payment Method': ['payment', 'electronic check', 'e-check', '电子支票', '支付方式', '付款方式'],
    'Online Security': ['online security', '在线安全', '网络安全'],
    'Tech Support': ['tech support', 'technical support', '技术支持'],
    'Online Backup': ['online backup', '在线备份'],
    'Device Protection': ['device protection', '设备保护'],
    'Paperless Billing': ['paperless', '无纸化', '电子账单'],
    'Senior Citizen': ['senior', '老年', '老人', '年长'],
    'Partner': ['partner', '伴侣', '配偶'],
    'Dependents': ['dependents', '家属', '受抚养'],
    'Monthly > 70': ['monthly charge', '月费', 'price', '价格'],
    'Streaming TV': ['streaming tv', '流媒体电视', '电视'],
    'Streaming Movies': ['streaming movies', '流媒体电影', '电影'],
    'Multiple Lines': ['multiple lines', '多线', '多条线路'],
    'Phone Service': ['phone service', '电话服务'],
    'Gender': ['gender', '性别'],
}


def load():
    with open(DATA, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7043
    for r in rows:
        assert r['Churn Value'] in ('0', '1') and (r['Churn Value'] == '1') == (r['Churn Label'] == 'Yes')
        r['_churn'] = r['Churn Value'] == '1'
        t = int(r['Tenure Months'])
        r['_tband'] = '<12' if t < 12 else ('12-24' if t <= 24 else '>24')
        r['_m70'] = 'over70' if float(r['Monthly Charges']) > 70 else 'upto70'
    return rows


def yesno(rows, col):
    return [F('with (' + col + ' = Yes)', rate(sel(rows, **{col: 'Yes'})), 'percent'),
            F('without (' + col + ' = No)', rate(sel(rows, **{col: 'No'})), 'percent')]


def compute():
    rows = load()
    ch = [r for r in rows if r['_churn']]
    T = {}
    T['overall_rate'] = {'figures': [F('churn rate', rate(rows), 'percent')]}
    T['churned_count'] = {'figures': [F('churned', len(ch), 'count')]}
    T['overall'] = {'figures': [F('churned', len(ch), 'count'), F('churn rate', rate(rows), 'percent')]}
    T['churn_by_contract'] = {'figures': breakdown(rows, 'Contract', CONTRACTS)}
    T['churn_by_internet'] = {'figures': breakdown(rows, 'Internet Service', INTERNET)}
    T['churn_by_payment'] = {'figures': breakdown(rows, 'Payment Method', PAYMENTS)}
    T['churn_by_gender'] = {'figures': breakdown(rows, 'Gender', ['Female', 'Male'])}
    T['churn_by_senior'] = {'figures': breakdown(rows, 'Senior Citizen', ['Yes', 'No'], ['senior', 'not senior'])}
    T['churn_by_partner'] = {'figures': breakdown(rows, 'Partner', ['Yes', 'No'], ['with partner', 'without partner'])}
    T['churn_by_dependents'] = {'figures': breakdown(rows, 'Dependents', ['Yes', 'No'], ['with dependents', 'without dependents'])}
    T['churn_by_paperless'] = {'figures': breakdown(rows, 'Paperless Billing', ['Yes', 'No'], ['paperless', 'paper bill'])}
    T['churn_by_multiplelines'] = {'figures': breakdown(rows, 'Multiple Lines', ['Yes', 'No', 'No phone service'])}
    v, r_ = ranking(rows, 'Payment Method', PAYMENTS)
    T['top_payment'] = {'figures': [F(v, r_, 'percent')], 'mentions': [PAYMENT_MENTIONS[v]]}
    v, r_ = ranking(rows, 'Contract', CONTRACTS, highest=False)
    T['lowest_contract'] = {'figures': [F(v, r_, 'percent')], 'mentions': [CONTRACT_MENTIONS[v]]}
    T['techsupport_yesno'] = {'figures': yesno(rows, 'Tech Support')}
    T['onlinesecurity_yesno'] = {'figures': yesno(rows, 'Online Security')}
    T['streamingtv_yesno'] = {'figures': yesno(rows, 'Streaming TV')}
    T['streamingmovies_yesno'] = {'figures': yesno(rows, 'Streaming Movies')}
    T['backup_and_device_breakdown'] = {'figures':
        breakdown(rows, 'Online Backup', ['Yes', 'No', 'No internet service'],
                  ['online backup Yes', 'online backup No', 'no internet service']) +
        breakdown(rows, 'Device Protection', ['Yes', 'No'], ['device protection Yes', 'device protection No'])}
    T['fiber_m2m_rate'] = {'figures': [F('fiber optic & month-to-month',
        rate(sel(rows, **{'Internet Service': 'Fiber optic', 'Contract': 'Month-to-month'})), 'percent')]}
    T['fiber_m2m_notech_rate'] = {'figures': [F('fiber & month-to-month & no tech support',
        rate(sel(rows, **{'Internet Service': 'Fiber optic', 'Contract': 'Month-to-month', 'Tech Support': 'No'})), 'percent')]}
    T['senior_echeck_rate'] = {'figures': [F('senior & electronic check',
        rate(sel(rows, **{'Senior Citizen': 'Yes', 'Payment Method': 'Electronic check'})), 'percent')]}
    T['echeck_churned_count'] = {'figures': [F('electronic check churned',
        len(sel(ch, **{'Payment Method': 'Electronic check'})), 'count')]}
    T['fiber_by_contract'] = {'figures': breakdown(sel(rows, **{'Internet Service': 'Fiber optic'}), 'Contract', CONTRACTS)}
    T['tenure_mean_by_churn'] = {'figures': by_churn(rows, 'Tenure Months', mean)}
    T['tenure_mean_churned'] = {'figures': [by_churn(rows, 'Tenure Months', mean)[0]]}
    T['tenure_mean_retained'] = {'figures': [by_churn(rows, 'Tenure Months', mean)[1]]}
    T['totalcharges_median_by_churn'] = {'figures': by_churn(rows, 'Total Charges', median)}
    T['monthly_mean_by_churn'] = {'figures': by_churn(rows, 'Monthly Charges', mean)}
    T['monthly_mean_by_contract'] = {'figures': [F(c, mean(sel(rows, Contract=c), 'Monthly Charges'), 'number') for c in CONTRACTS]}
    T['cltv_mean_by_churn'] = {'figures': by_churn(rows, 'CLTV', mean)}
    T['churnscore_mean_by_churn'] = {'figures': by_churn(rows, 'Churn Score', mean)}
    T['churn_by_tenure_band'] = {'figures': breakdown(rows, '_tband', ['<12', '12-24', '>24'],
        ['under 12 months', '12 to 24 months', 'over 24 months'])}
    T['tenure_under12_rate'] = {'figures': [F('tenure under 12 months', rate(sel(rows, _tband='<12')), 'percent')]}
    T['churn_by_monthly70'] = {'figures': breakdown(rows, '_m70', ['over70', 'upto70'], ['over $70', '$70 or less'])}
    T['monthly_over70_rate'] = {'figures': [F('monthly charges over $70', rate(sel(rows, _m70='over70')), 'percent')]}
    lost = math.fsum(float(r['Monthly Charges']) for r in ch)
    total = math.fsum(float(r['Monthly Charges']) for r in rows)
    T['revenue_lost'] = {'figures': [F('monthly charges of churners', lost, 'currency'),
                                     F('share of total monthly charges', 100.0 * lost / total, 'percent')]}
    T['revenue_lost_amount'] = {'figures': [F('monthly charges of churners', lost, 'currency')]}
    # reasons
    reasons = {}
    for r in ch:
        assert r['Churn Reason'].strip(), 'churner without reason'
        reasons[r['Churn Reason']] = reasons.get(r['Churn Reason'], 0) + 1
    assert not any(r['Churn Reason'].strip() for r in rows if not r['_churn'])
    top = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    assert top[2][1] > top[3][1]
    T['top_reason'] = {'figures': [F(top[0][0], 100.0 * top[0][1] / len(ch), 'percent')],
                       'mentions': [REASON_MENTIONS[top[0][0]]]}
    T['top3_reasons'] = {'figures': [F(k, 100.0 * n / len(ch), 'percent') for k, n in top[:3]],
                         'mentions': [REASON_MENTIONS[k] for k, n in top[:3]]}
    comp = sum(n for k, n in reasons.items() if k.startswith('Competitor'))
    assert len([k for k in reasons if k.startswith('Competitor')]) == 4
    T['competitor_reasons'] = {'figures': [F('competitor reasons', comp, 'count'),
                                           F('share of churners', 100.0 * comp / len(ch), 'percent')]}
    T['contract_and_reason'] = {'figures': breakdown(rows, 'Contract', CONTRACTS),
                                'mentions': [REASON_MENTIONS[top[0][0]]]}
    v, r_ = ranking(rows, 'Payment Method', PAYMENTS)
    pr = {}
    for r in sel(ch, **{'Payment Method': v}):
        pr[r['Churn Reason']] = pr.get(r['Churn Reason'], 0) + 1
    ptop = sorted(pr.items(), key=lambda kv: (-kv[1], kv[0]))
    assert ptop[0][1] > ptop[1][1]
    T['top_payment_and_reason'] = {'figures': [F(v, r_, 'percent')],
                                   'mentions': [PAYMENT_MENTIONS[v], REASON_MENTIONS[ptop[0][0]]],
                                   'note': 'top reason among %s churners: %s (%d of %d)' % (v, ptop[0][0], ptop[0][1], sum(pr.values()))}
    # cities
    cc = {}
    for r in ch:
        cc[r['City']] = cc.get(r['City'], 0) + 1
    ctop = sorted(cc.items(), key=lambda kv: (-kv[1], kv[0]))
    assert ctop[0][1] > ctop[1][1] and ctop[0][0] == 'Los Angeles'
    T['top_city_churned'] = {'figures': [F(ctop[0][0] + ' churned', ctop[0][1], 'count')],
                             'mentions': [['Los Angeles', '洛杉矶']]}
    T['la_rate'] = {'figures': [F('Los Angeles', rate(sel(rows, City='Los Angeles')), 'percent')]}
    # profile
    dims = {
        'Gender': lambda r: r['Gender'], 'Senior Citizen': lambda r: r['Senior Citizen'],
        'Partner': lambda r: r['Partner'], 'Dependents': lambda r: r['Dependents'],
        'Phone Service': lambda r: r['Phone Service'], 'Internet Service': lambda r: r['Internet Service'],
        'Contract': lambda r: r['Contract'], 'Paperless Billing': lambda r: r['Paperless Billing'],
        'Payment Method': lambda r: r['Payment Method'], 'Tenure band': lambda r: r['_tband'],
        'Monthly > 70': lambda r: r['_m70'],
    }
    for c in ['Multiple Lines', 'Online Security', 'Online Backup', 'Device Protection', 'Tech Support',
              'Streaming TV', 'Streaming Movies']:
        dims[c] = (lambda c: lambda r: r[c] if r[c] in ('Yes', 'No') else None)(c)
    gaps = sorted(((gap(rows, fn), d) for d, fn in dims.items()), reverse=True)
    assert gaps[2][0] > gaps[3][0]
    T['profile'] = {'mentions': [DIM_MENTIONS[d] for g, d in gaps[:3]],
                    'note': 'largest churn-rate gaps (pp): ' + ', '.join('%s %.2f' % (d, g) for g, d in gaps[:6])}
    return T


if __name__ == '__main__':
    main(compute)
