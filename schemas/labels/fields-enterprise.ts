import { type FieldText, field } from './text.ts';

/** Labels and hints of the profile's basic, location, industry, size, ownership and energy fields. */
export const ENTERPRISE_FIELDS: Readonly<Record<string, FieldText>> = {
  id: field('编号', 'Identifier', ['自定的编号，随结果原样返回', 'your own reference, returned with the answer']),
  name: field('企业名称', 'Enterprise name'),
  sector: field('所属领域', 'Sector', ['企业所从事的领域', 'the sector the enterprise works in']),

  location: field('所在地', 'Location'),
  'location.province': field('省份（拼音）', 'Province (pinyin)', ['小写拼音，例如 guangdong', 'in lowercase pinyin, e.g. guangdong']),
  'location.city': field('地级市', 'Prefecture city', ['广东省21个地级市之一', "one of Guangdong's 21 prefecture-level cities"]),
  'location.district': field('区/县', 'District or county', [
    '佛山、梅州从列表中选择；其他城市填写小写拼音',
    'pick from the list in Foshan and Meizhou; elsewhere type it in lowercase pinyin',
  ]),
  'location.watersheds': field('所在重点流域', 'Key watersheds', [
    '企业所在的重点流域（2016年意见所列）',
    'the key watersheds the enterprise lies in, as the 2016 opinions list them',
  ]),
  'location.inKeyWatershed': field('位于主管部门划定的重点流域', 'In a designated key watershed', [
    '文件未点名具体流域时填写，例如梅州2023年实施方案',
    'for documents that name no particular watershed, e.g. the Meizhou 2023 scheme',
  ]),
  'location.park': field('工业园区', 'Industrial park'),
  'location.park.inPark': field('位于工业园区或基地内', 'Inside an industrial park or base'),
  'location.park.entering': field('正在申请入园或迁入园区', 'Applying to enter, or moving into, a park'),
  'location.park.level': field('园区级别', 'Park level'),
  'location.park.specialized': field('园区专业方向', 'Park specialisation', ['园区专门发展的行业', 'the industry the park specialises in']),

  industry: field('行业', 'Industry'),
  'industry.codes': field('国民经济行业代码（GB/T 4754-2017）', 'Industry codes (GB/T 4754-2017)', ['2至4位数字的行业代码', 'industry codes of 2 to 4 digits']),
  'industry.keys': field('行业', 'Industries', ['文件所列的行业，可多选', 'the industries the documents name; choose every one that applies']),

  size: field('规模', 'Size'),
  'size.annualRevenue': field('年主营业务收入（万元）', 'Annual main-business revenue (10,000 yuan)', [
    '年主营业务收入，单位为万元',
    'annual revenue from the main business, in units of 10,000 yuan',
  ]),
  'size.employees': field('从业人数', 'Employees'),
  'size.aboveDesignatedSize': field('规模以上企业', 'Above designated size', [
    '不填时按年主营业务收入是否达到2000万元判断',
    'when left out, taken from an annual main-business revenue of 20 million yuan or more',
  ]),
  'size.industryLeader': field('行业龙头 / 行业靠前', 'Industry leader', ['在本行业中处于领先地位', 'among the leading enterprises of its industry']),
  'size.largeGroup': field('大型企业集团（或其成员企业）', 'Large enterprise group (or a member)'),

  ownership: field('所有制', 'Ownership'),
  'ownership.centralSOE': field('中央企业', 'Central state-owned enterprise', [
    '中央企业集团所属的企业',
    'an enterprise of a central state-owned enterprise group',
  ]),
  'ownership.stateOwned': field('国有企业', 'State-owned enterprise', ['中央或地方国有企业', 'owned by the central or a local state']),
  'ownership.municipalSOE': field('市属国有企业', 'City-owned state enterprise', ['本市所属的国有企业', 'a state-owned enterprise of the city']),
  'ownership.hongKongInvested': field('港资企业', 'Hong Kong-invested enterprise'),

  energy: field('能源', 'Energy'),
  'energy.annualConsumptionTce': field('年综合能耗（吨标准煤）', 'Annual energy use (tonnes of standard coal)', [
    '年综合能源消费量，单位为吨标准煤',
    'annual comprehensive energy consumption, in tonnes of standard coal equivalent',
  ]),
  'energy.exceedsConsumptionQuota': field('超过单位产品能耗限额标准', 'Exceeds the energy-consumption quota', [
    '单位产品能源消耗超过国家或地方限额标准',
    'energy use per unit of product above the national or local quota standard',
  ]),
  'energy.keyEnergyUser': field('重点用能单位', 'Key energy-consuming unit', [
    '被列为重点用能单位或重点耗能企业',
    'designated a key energy-consuming unit or enterprise',
  ]),
  'energy.highWaterUse': field('高耗水', 'High water use', ['属于高耗水企业', 'a high water-consuming enterprise']),
};
