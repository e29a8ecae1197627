#!/usr/bin/env python3
"""Truth for telco-kaggle21 (IBM Telco churn, 21-column Kaggle/IBM file). Independent of the engine. python3 truth.py [--check]"""
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

# ---- end of shared helpers ----

DATA = ROOT / 'ibm-telco-churn-kaggle21' / 'Telco-Customer-Churn.csv'

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
INTERNET_MENTIONS = {'Fiber optic': ['fiber', 'fibre', '光纤'], 'DSL': ['DSL'], 'No': ['no internet', '无互联网', '没有宽带']}
NO_REASONS = ['no reason', 'no stated reason', 'no churn reason', 'reasons are not', 'reason is not', "doesn't include",
              'does not include', "doesn't contain", 'does not contain', "doesn't have", 'does not have', 'not recorded',
              'no data on why', '没有', '无']
DIM_MENTIONS = {
    'Contract': ['contract', '合同', '合约'],
    'InternetService': ['internet service', 'fiber', 'fibre', '光纤', '互联网服务', '宽带'],
    'Tenure band': ['tenure', '在网', '入网', '网龄', '使用时长', 'new customers', '新客户'],
    'PaymentMethod': ['payment', 'electronic check', 'e-check', '电子支票', '支付方式', '付款方式'],
    'OnlineSecurity': ['online security', '在线安全', '网络安全'],
    'TechSupport': ['tech support', 'technical support', '技术支持'],
    'OnlineBackup': ['online backup', '在线备份'],
    'DeviceProtection': ['device protection', '设备保护'],
    'PaperlessBilling': ['paperless', '无纸化', '电子账单'],
    'SeniorCitizen': ['senior', '老年', '老人', '年长'],
    'Partner': ['partner', '伴侣', '配偶'],
    'Dependents': ['dependents', '家属', '受抚养'],
    'Monthly > 70': ['monthly charge', '月费', 'price', '价格'],
    'StreamingTV': ['streaming tv', '流媒体电视', '电视'],
    'StreamingMovies': ['streaming movies', '流媒体电影', '电影'],
    'MultipleLines': ['multiple lines', '多线', '多条线路'],
    'PhoneService': ['phone service', '电话服务'],
    'gender': ['gender', '性别'],
}


def load():
    with open(DATA, encoding='utf-8', newline='') as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7043
    for r in rows:
        assert r['Churn'] in ('Yes', 'No') and r['SeniorCitizen'] in ('0', '1')
        r['_churn'] = r['Churn'] == 'Yes'
        t = int(r['tenure'])
        r['_tband'] = '<12' if t < 12 else ('12-24' if t <= 24 else '>24')
        r['_m70'] = 'over70' if float(r['MonthlyCharges']) > 70 else 'upto70'
        r['_tc4000'] = 'yes' if r['TotalCharges'].strip() and float(r['TotalCharges']) > 4000 else 'no'
    assert sum(1 for r in rows if not r['TotalCharges'].strip()) == 11
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
    T['churn_by_payment'] = {'figures': breakdown(rows, 'PaymentMethod', PAYMENTS)}
    T['churn_by_internet'] = {'figures': breakdown(rows, 'InternetService', INTERNET)}
    T['churn_by_dependents'] = {'figures': breakdown(rows, 'Dependents', ['Yes', 'No'], ['with dependents', 'without dependents'])}
    T['churn_by_partner'] = {'figures': breakdown(rows, 'Partner', ['Yes', 'No'], ['with partner', 'without partner'])}
    T['churn_by_senior'] = {'figures': breakdown(rows, 'SeniorCitizen', ['1', '0'], ['senior', 'not senior'])}
    T['churn_by_phone'] = {'figures': breakdown(rows, 'PhoneService', ['Yes', 'No'], ['with phone service', 'without phone service'])}
    T['churn_by_paperless'] = {'figures': breakdown(rows, 'PaperlessBilling', ['Yes', 'No'], ['paperless', 'paper bill'])}
    T['churn_by_gender'] = {'figures': breakdown(rows, 'gender', ['Female', 'Male'])}
    v, r_ = ranking(rows, 'InternetService', INTERNET)
    T['top_internet'] = {'figures': [F(v, r_, 'percent')], 'mentions': [INTERNET_MENTIONS[v]]}
    v, r_ = ranking(rows, 'PaymentMethod', PAYMENTS)
    T['top_payment'] = {'figures': [F(v, r_, 'percent')], 'mentions': [PAYMENT_MENTIONS[v]]}
    v, r_ = ranking(rows, 'Contract', CONTRACTS, highest=False)
    T['lowest_contract'] = {'figures': [F(v, r_, 'percent')], 'mentions': [CONTRACT_MENTIONS[v]]}
    T['onlinesecurity_yesno'] = {'figures': yesno(rows, 'OnlineSecurity')}
    T['techsupport_yesno'] = {'figures': yesno(rows, 'TechSupport')}
    T['multiplelines_yesno'] = {'figures': yesno(rows, 'MultipleLines')}
    T['backup_device_yesno'] = {'figures': yesno(rows, 'OnlineBackup') + yesno(rows, 'DeviceProtection')}
    T['streaming_yesno'] = {'figures': yesno(rows, 'StreamingTV') + yesno(rows, 'StreamingMovies')}
    T['m2m_echeck_rate'] = {'figures': [F('month-to-month & electronic check',
        rate(sel(rows, Contract='Month-to-month', PaymentMethod='Electronic check')), 'percent')]}
    T['echeck_rate'] = {'figures': [F('electronic check', rate(sel(rows, PaymentMethod='Electronic check')), 'percent')]}
    fib = sel(rows, InternetService='Fiber optic')
    T['fiber_count_rate'] = {'figures': [F('fiber optic churned', sum(1 for r in fib if r['_churn']), 'count'),
                                         F('fiber optic churn rate', rate(fib), 'percent')]}
    T['fiber_paperless_churned_count'] = {'figures': [F('fiber & paperless churned',
        len(sel(ch, InternetService='Fiber optic', PaperlessBilling='Yes')), 'count')]}
    T['fiber_by_contract'] = {'figures': breakdown(fib, 'Contract', CONTRACTS)}
    T['fiber_m2m_churned_count'] = {'figures': [F('fiber & month-to-month churned',
        len(sel(ch, InternetService='Fiber optic', Contract='Month-to-month')), 'count')]}
    T['senior_m2m_rate'] = {'figures': [F('senior & month-to-month',
        rate(sel(rows, SeniorCitizen='1', Contract='Month-to-month')), 'percent')]}
    T['fiber_m2m_nosec_rate'] = {'figures': [F('fiber & month-to-month & no online security',
        rate(sel(rows, InternetService='Fiber optic', Contract='Month-to-month', OnlineSecurity='No')), 'percent')]}
    T['monthly_mean_by_churn'] = {'figures': by_churn(rows, 'MonthlyCharges', mean)}
    T['monthly_mean_churned'] = {'figures': [by_churn(rows, 'MonthlyCharges', mean)[0]]}
    T['totalcharges_mean_by_churn'] = {'figures': by_churn(rows, 'TotalCharges', mean)}
    T['tenure_median_by_churn'] = {'figures': by_churn(rows, 'tenure', median)}
    T['tenure_mean_by_churn'] = {'figures': by_churn(rows, 'tenure', mean)}
    T['monthly_mean_by_internet'] = {'figures': [F(i, mean(sel(rows, InternetService=i), 'MonthlyCharges'), 'number') for i in INTERNET]}
    T['totalcharges_mean_by_contract'] = {'figures': [F(c, mean(sel(rows, Contract=c), 'TotalCharges'), 'number') for c in CONTRACTS]}
    T['churn_by_tenure_band'] = {'figures': breakdown(rows, '_tband', ['<12', '12-24', '>24'],
        ['under 12 months', '12 to 24 months', 'over 24 months'])}
    T['tenure_over24_rate'] = {'figures': [F('tenure over 24 months', rate(sel(rows, _tband='>24')), 'percent')]}
    T['churn_by_monthly70'] = {'figures': breakdown(rows, '_m70', ['over70', 'upto70'], ['over $70', '$70 or less'])}
    T['totalcharges_over4000_rate'] = {'figures': [F('total charges over $4,000', rate(sel(rows, _tc4000='yes')), 'percent')]}
    lost = math.fsum(float(r['MonthlyCharges']) for r in ch)
    total = math.fsum(float(r['MonthlyCharges']) for r in rows)
    T['revenue_lost'] = {'figures': [F('monthly charges of churners', lost, 'currency'),
                                     F('share of total monthly charges', 100.0 * lost / total, 'percent')]}
    assert not any('reason' in k.lower() for k in rows[0])
    T['no_reasons'] = {'mentions': [NO_REASONS]}
    T['payment_and_noreasons'] = {'figures': breakdown(rows, 'PaymentMethod', PAYMENTS), 'mentions': [NO_REASONS]}
    T['internet_and_noreasons'] = {'figures': breakdown(rows, 'InternetService', INTERNET), 'mentions': [NO_REASONS]}
    dims = {d: (lambda d: lambda r: r[d])(d) for d in [
        'gender', 'SeniorCitizen', 'Partner', 'Dependents', 'PhoneService', 'InternetService', 'Contract',
        'PaperlessBilling', 'PaymentMethod']}
    for c in ['MultipleLines', 'OnlineSecurity', 'OnlineBackup', 'DeviceProtection', 'TechSupport', 'StreamingTV', 'StreamingMovies']:
        dims[c] = (lambda c: lambda r: r[c] if r[c] in ('Yes', 'No') else None)(c)
    dims['Tenure band'] = lambda r: r['_tband']
    dims['Monthly > 70'] = lambda r: r['_m70']
    gaps = sorted(((gap(rows, fn), d) for d, fn in dims.items()), reverse=True)
    assert gaps[2][0] > gaps[3][0]
    T['profile'] = {'mentions': [DIM_MENTIONS[d] for g, d in gaps[:3]],
                    'note': 'largest churn-rate gaps (pp): ' + ', '.join('%s %.2f' % (d, g) for g, d in gaps[:6])}
    return T


if __name__ == '__main__':
    main(compute)
