"""Demo enterprises and investment projects of the county (commerce bureau), written to enterprise.geojson
and investment_project.geojson. Deterministic; run from geodata/: python3 make_invest_demo.py"""
import json
import random

random.seed(2023)
TOWNS = {'城关镇': (116.3003, 33.2589), '东临溪镇': (116.4295, 33.2992), '石弓镇': (116.5011, 33.189),
         '龙山镇': (116.1465, 33.3942), '涡南镇': (116.249, 33.1097), '曹市镇': (116.0975, 33.2447)}
ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n):
    body = '91341621' + 'MA2' + ''.join(random.choice(ALPHABET) for _ in range(6))
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def near(town, spread=0.02):
    x, y = TOWNS[town]
    return [round(x + random.uniform(-spread, spread), 6), round(y + random.uniform(-spread, spread), 6)]


def feature(coords, props):
    return {'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': coords}, 'properties': props}


ENTERPRISES = [
    # name, chain, industry, scale, specialized, high_tech, foreign_trade, production, town
    ('皖北新材料科技有限公司', 'new_materials', '高分子材料', 'above', True, True, False, 'normal', '城关镇'),
    ('临溪高分子材料有限公司', 'new_materials', '改性塑料', 'above', False, True, True, 'reduced', '东临溪镇'),
    ('德润包装材料有限公司', 'new_materials', '包装材料', 'above', False, False, False, 'halted', '城关镇'),
    ('涡南新型建材有限公司', 'new_materials', '新型建材', 'below', False, False, False, 'normal', '涡南镇'),
    ('恒泰复合材料有限公司', 'new_materials', '复合材料', 'above', True, True, True, 'normal', '城关镇'),
    ('龙山面粉有限公司', 'green_food', '粮食加工', 'above', False, False, False, 'normal', '龙山镇'),
    ('曹市食品有限公司', 'green_food', '休闲食品', 'above', False, False, True, 'reduced', '曹市镇'),
    ('皖北牧业有限公司', 'green_food', '肉制品', 'above', False, False, False, 'normal', '石弓镇'),
    ('石弓酒业有限公司', 'green_food', '酒类', 'below', False, False, False, 'normal', '石弓镇'),
    ('绿源果蔬专业合作社', 'green_food', '果蔬加工', 'below', False, False, True, 'normal', '涡南镇'),
    ('福源油脂有限公司', 'green_food', '食用油', 'above', False, False, False, 'normal', '城关镇'),
    ('汇丰机械制造有限公司', 'equipment', '农机装备', 'above', True, True, False, 'normal', '城关镇'),
    ('临溪汽车配件有限公司', 'equipment', '汽车零部件', 'above', False, True, True, 'normal', '东临溪镇'),
    ('宏达电机有限公司', 'equipment', '电机', 'above', True, True, True, 'normal', '城关镇'),
    ('兴业钢构有限公司', 'equipment', '钢结构', 'below', False, False, False, 'halted', '龙山镇'),
    ('精工模具有限公司', 'equipment', '模具', 'below', True, False, False, 'normal', '城关镇'),
    ('华创电子科技有限公司', 'electronics', '电子元器件', 'above', True, True, True, 'normal', '城关镇'),
    ('智联光电有限公司', 'electronics', '光电显示', 'above', False, True, True, 'reduced', '东临溪镇'),
    ('云帆软件有限公司', 'electronics', '软件', 'below', False, True, False, 'normal', '城关镇'),
    ('康宁药业有限公司', 'biomedicine', '中药饮片', 'above', True, True, False, 'normal', '城关镇'),
    ('华佗中药材有限公司', 'biomedicine', '中药材', 'below', False, False, True, 'normal', '涡南镇'),
    ('安康医疗器械有限公司', 'biomedicine', '医疗器械', 'above', False, True, True, 'normal', '城关镇'),
    ('锦绣服饰有限公司', 'textiles', '服装', 'above', False, False, True, 'normal', '曹市镇'),
    ('华纺织造有限公司', 'textiles', '纺织', 'above', False, False, True, 'halted', '城关镇'),
    ('美佳鞋业有限公司', 'textiles', '制鞋', 'below', False, False, True, 'normal', '石弓镇'),
    ('阳光光伏科技有限公司', 'new_energy', '光伏组件', 'above', True, True, True, 'normal', '东临溪镇'),
    ('绿能生物质发电有限公司', 'new_energy', '生物质发电', 'above', False, False, False, 'normal', '龙山镇'),
    ('储能电池科技有限公司', 'new_energy', '储能电池', 'below', True, True, False, 'normal', '城关镇'),
    ('昆仑物流园有限公司', 'modern_logistics', '物流园', 'above', False, False, False, 'normal', '东临溪镇'),
    ('通达冷链物流有限公司', 'modern_logistics', '冷链物流', 'below', False, False, False, 'normal', '城关镇'),
    ('顺捷快运有限公司', 'modern_logistics', '快递物流', 'below', False, False, False, 'normal', '涡南镇'),
    ('广源商贸有限公司', 'modern_logistics', '商贸流通', 'above', False, False, True, 'normal', '东临溪镇'),
]
OFFICERS = ['王建国', '李志强', '张海燕', '刘红梅', '陈德明', '杨秀英', '赵国华', '黄立新']

enterprises = []
for n, (name, chain, industry, scale, spec, tech, trade, production, town) in enumerate(ENTERPRISES, 1):
    enterprises.append(feature(near(town), {
        'code': 'QY-%03d' % n, 'name': name, 'status': 'none', 'department': 'commerce', 'town': town,
        'remarks': None, 'attributes': {}, 'credit_code': credit_code(n), 'industry': industry, 'chain': chain,
        'scale': scale, 'specialized': spec, 'high_tech': tech, 'foreign_trade': trade, 'production': production,
        'service_officer': OFFICERS[n % len(OFFICERS)], 'employees': random.randint(300, 1200) if scale == 'above'
        else random.randint(15, 200)}))

INVESTMENTS = [
    # name, investor, amount (万元), industry, chain, source, stage, town, land use, area min/max (m²)
    ('年产5万吨改性塑料项目', '苏州某新材料集团', 52000, '改性塑料', 'new_materials', 'yangtze_delta', 'lead', '城关镇', '工业用地', 30000, 70000),
    ('高端复合材料生产基地', '宁波某复合材料公司', 80000, '复合材料', 'new_materials', 'yangtze_delta', 'lead', '东临溪镇', '工业用地', 40000, 90000),
    ('预制菜加工项目', '广州某食品集团', 15000, '预制菜', 'green_food', 'greater_bay', 'lead', '曹市镇', '工业用地', 10000, 30000),
    ('中药配方颗粒项目', '深圳某药业', 30000, '中药', 'biomedicine', 'greater_bay', 'lead', None, '工业用地', 20000, 50000),
    ('智能家电零部件项目', '佛山某电器公司', 26000, '家电零部件', 'equipment', 'greater_bay', 'negotiating', '城关镇', '工业用地', 15000, 40000),
    ('光伏组件二期', '阳光光伏科技有限公司', 60000, '光伏组件', 'new_energy', 'local', 'negotiating', '东临溪镇', '工业用地', 30000, 80000),
    ('冷链物流中心', '上海某冷链公司', 18000, '冷链物流', 'modern_logistics', 'yangtze_delta', 'negotiating', '东临溪镇', '仓储用地', 10000, 40000),
    ('锂电池正极材料项目', '杭州某新能源公司', 120000, '储能电池', 'new_energy', 'yangtze_delta', 'negotiating', '城关镇', '工业用地', 50000, 120000),
    ('服装智能制造产业园', '东莞某服饰集团', 35000, '服装', 'textiles', 'greater_bay', 'negotiating', '曹市镇', '工业用地', 20000, 60000),
    ('乐拓者项目', '乐拓者（上海）科技有限公司', 12000, '户外用品', 'textiles', 'yangtze_delta', 'signed', '东临溪镇', '工业用地', 10000, 30000),
    ('文启酒店', '文启酒店管理有限公司', 9500, '酒店', None, 'in_province', 'signed', '东临溪镇', '商服用地', 5000, 15000),
    ('电子元器件产业园', '深圳某电子公司', 45000, '电子元器件', 'electronics', 'greater_bay', 'signed', '城关镇', '工业用地', 30000, 70000),
    ('医疗器械生产项目', '北京某医疗科技公司', 22000, '医疗器械', 'biomedicine', 'beijing_tianjin_hebei', 'signed', '城关镇', '工业用地', 10000, 30000),
    ('110千伏变电站', '国网某供电公司', 6800, '电力', None, 'in_province', 'landed', '东临溪镇', '公共管理与公共服务用地', 3000, 12000),
    ('燃气站', '某燃气有限公司', 1200, '燃气', None, 'in_province', 'landed', '东临溪镇', '公共管理与公共服务用地', 1000, 8000),
    ('农机装备扩建项目', '汇丰机械制造有限公司', 16000, '农机装备', 'equipment', 'local', 'landed', '城关镇', '工业用地', 15000, 40000),
    ('生物质颗粒燃料项目', '合肥某能源公司', 8000, '生物质能', 'new_energy', 'in_province', 'landed', '龙山镇', '工业用地', 5000, 20000),
    ('中央厨房项目', '南京某餐饮集团', 11000, '食品加工', 'green_food', 'yangtze_delta', 'started', '涡南镇', '工业用地', 8000, 25000),
    ('汽车线束项目', '昆山某汽车电子公司', 28000, '汽车零部件', 'equipment', 'yangtze_delta', 'started', '东临溪镇', '工业用地', 15000, 45000),
    ('中药饮片扩产项目', '康宁药业有限公司', 9000, '中药饮片', 'biomedicine', 'local', 'started', '城关镇', '工业用地', 5000, 20000),
    ('先进制造业产业园标准化厂房（一期）', '县城投公司', 16500, '标准化厂房', 'equipment', 'local', 'started', '城关镇', '工业用地', 40000, 100000),
    ('面粉深加工项目', '龙山面粉有限公司', 14000, '粮食加工', 'green_food', 'local', 'producing', '龙山镇', '工业用地', 10000, 30000),
    ('光电显示模组项目', '厦门某光电公司', 38000, '光电显示', 'electronics', 'other', 'producing', '东临溪镇', '工业用地', 20000, 50000),
    ('出口服装加工项目', '香港某贸易公司', 7600, '服装', 'textiles', 'overseas', 'producing', '曹市镇', '工业用地', 5000, 15000),
    ('电商物流分拨中心', '杭州某物流公司', 13000, '快递物流', 'modern_logistics', 'yangtze_delta', 'producing', '涡南镇', '仓储用地', 10000, 30000),
]
PEOPLE = ['周立新', '吴卫东', '徐国华', '孙海燕', '马德明', '朱志强']
investments = []
for n, (name, investor, amount, industry, chain, source, stage, town, use, lo, hi) in enumerate(INVESTMENTS, 1):
    investments.append(feature(near(town or '城关镇', 0.03), {
        'code': 'ZS-2023-%03d' % n, 'name': name, 'status': 'none', 'department': 'commerce', 'town': town,
        'remarks': None, 'attributes': {}, 'stage': stage, 'investor': investor, 'amount_wan': amount,
        'industry': industry, 'chain': chain, 'source': source, 'land_area_min_m2': lo, 'land_area_max_m2': hi,
        'land_use': use, 'preferred_town': town, 'person_in_charge': PEOPLE[n % len(PEOPLE)]}))

for layer, features in (('enterprise', enterprises), ('investment_project', investments)):
    with open(layer + '.geojson', 'w', encoding='utf-8') as out:
        out.write('{"type":"FeatureCollection","name":"%s","features":[\n' % layer)
        out.write(',\n'.join(json.dumps(f, ensure_ascii=False, separators=(',', ':')) for f in features))
        out.write('\n]}\n')
