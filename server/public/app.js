// The bilingual cleaner-production self-assessment page. Plain ES module, no build step, no framework.
// The form is generated from GET /v1/schemas/profile; answers come from POST /v1/evaluate.
import { dutyLine, dutyParts } from './duties.js';

// ---------------------------------------------------------------------------------------------------------------
// Labels. [zh, en] pairs; the schema's descriptions are shown as hints under each field.
// ---------------------------------------------------------------------------------------------------------------

/** Interface strings. */
export const UI = {
  unknown: ['不清楚 / 不填', 'unknown / leave out'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  filterIndustries: ['筛选行业', 'Filter industries'],
  commaSeparated: ['多个值用逗号分隔', 'separate several values with commas'],
  titlesHeld: ['是否持有清洁生产称号', 'Holds cleaner-production titles'],
  titlesNone: ['没有称号', 'none'],
  titlesListed: ['有，见下列', 'yes, listed below'],
  addTitle: ['添加称号', 'Add a title'],
  removeTitle: ['删除此称号', 'Remove this title'],
  titleN: ['称号', 'Title'],
  never: ['从未审核', 'never audited'],
  roundsHeld: ['历次清洁生产审核', 'Audit history (every round)'],
  roundsListed: ['有，见下列', 'yes, listed below'],
  addRound: ['添加一轮审核', 'Add an audit round'],
  removeRound: ['删除此轮', 'Remove this round'],
  onDate: ['于某日完成', 'completed on a date'],
  lastCompletedDate: ['上一轮审核完成日期', 'Date the last audit was completed'],
  districtOther: ['区/县（拼音）', 'District or county (pinyin)'],
  loading: ['正在加载表单…', 'Loading the form…'],
  loadFailed: ['无法加载表单：', 'Could not load the form: '],
  evaluating: ['正在评估…', 'Evaluating…'],
  evaluateFailed: ['评估失败：', 'Evaluation failed: '],
  fixErrors: ['请更正以下内容：', 'Please correct the following:'],
  screenerStart: ['先回答这几个基本问题，然后点击“评估”。', 'Answer these basic questions first, then press “Evaluate”.'],
  screenerNext: [
    '以下问题最能改变结论（最关键的在前）。回答后再次评估；不清楚可留空。',
    'These questions could change the answer most (most decisive first). Answer them and evaluate again; leave out what you do not know.',
  ],
  screenerDone: ['没有更多可以改变结论的问题了。', 'No further question could change the answer.'],
  screenerStopped: ['已停止提问。仍有问题未回答，部分结论可能无法确定。', 'Questions stopped. Some remain unanswered, so some rules may stay undetermined.'],
  remaining: ['尚有 {n} 个事实可能影响结论', '{n} facts could still affect the answer'],
  stop: ['停止提问', 'Stop asking'],
  resume: ['继续提问', 'Resume questions'],
  fullFormOn: ['正在显示完整表单。', 'Showing the full form.'],
  audit: ['审核结论', 'Audit verdict'],
  status: ['审核要求', 'Audit status'],
  dueBy: ['完成期限', 'Due by'],
  none: ['无', 'none'],
  overdue: ['是否逾期', 'Overdue'],
  notKnown: ['无法确定', 'cannot tell'],
  couldBe: ['补充事实后可能变为', 'Could become, given more facts'],
  cycle: ['审核周期', 'Audit cycle'],
  years: ['{n} 年', '{n} years'],
  route: ['审核流程', 'Audit route'],
  acceptance: ['结果验收方式', 'How results are accepted'],
  reason: ['理由', 'Reason'],
  basis: ['依据', 'Basis'],
  incentives: ['可享受的激励', 'Incentives'],
  sanctions: ['面临的处罚', 'Sanctions'],
  obligations: ['其他义务', 'Obligations'],
  recommendations: ['推荐措施', 'Recommendations'],
  processDecisions: ['流程依据', 'Route basis'],
  whyNot: ['为何不适用', 'Why not'],
  whyNotIntro: [
    '以下激励（及简化流程）未适用；列出未满足的条件和企业的实际情况。',
    'These incentives (and the simplified route) did not apply: the conditions not met, with the enterprise’s values.',
  ],
  needs: ['要求', 'needs'],
  yours: ['企业情况', 'yours'],
  notGiven: ['未填写', 'not given'],
  because: ['成立条件', 'Because'],
  warnings: ['提示', 'Warnings'],
  undetermined: ['无法确定的规则', 'Undetermined rules'],
  undeterminedIntro: ['{n} 条规则因缺少事实而无法确定。', '{n} rules are undetermined for want of facts.'],
  rulesets: ['适用的规则集', 'Rule sets'],
  receipt: ['回执', 'Receipt'],
  ruleset: ['规则集', 'rule set'],
  document: ['文件', 'document'],
  section: ['条款', 'section'],
  fine: ['罚款', 'fine'],
  yuan: ['元', 'yuan'],
  noneFound: ['无', 'none'],
  asOfLabel: ['评估日期', 'As of'],
  dueNote: ['截止', 'due'],
};

/** Group legends, in display order. Top-level scalar fields belong to the group named in FIELD_GROUP. */
export const GROUPS = {
  basics: ['基本信息', 'Enterprise'],
  location: ['所在地', 'Location'],
  industry: ['行业', 'Industry'],
  size: ['规模', 'Size'],
  energy: ['能源', 'Energy'],
  environment: ['环境', 'Environment'],
  audit: ['审核历史', 'Audit history'],
  titles: ['称号', 'Titles'],
  conduct: ['企业行为', 'Conduct'],
  process: ['生产工艺', 'Process'],
  finance: ['财税与金融', 'Finance'],
  project: ['建设项目', 'Project'],
  ownership: ['所有制', 'Ownership'],
};
const FIELD_GROUP = { id: 'basics', name: 'basics', sector: 'basics', trainedAuditStaff: 'audit' };

/** Field labels by profile path. A path without a label here falls back to its schema description, then its name. */
export const FIELDS = {
  id: ['编号', 'Identifier'],
  name: ['企业名称', 'Enterprise name'],
  sector: ['所属领域', 'Sector'],
  'location.province': ['省份（拼音）', 'Province (pinyin)'],
  'location.city': ['地级市', 'Prefecture city'],
  'location.district': ['区/县', 'District or county'],
  'location.watersheds': ['所在重点流域', 'Key watersheds'],
  'location.inKeyWatershed': ['位于主管部门划定的重点流域', 'In a designated key watershed'],
  'location.park': ['工业园区', 'Industrial park'],
  'location.park.inPark': ['位于工业园区或基地内', 'Inside an industrial park or base'],
  'location.park.entering': ['正在申请入园或迁入园区', 'Applying to enter, or moving into, a park'],
  'location.park.level': ['园区级别', 'Park level'],
  'location.park.specialized': ['园区专业方向', 'Park specialisation'],
  'industry.codes': ['国民经济行业代码（GB/T 4754-2017）', 'Industry codes (GB/T 4754-2017)'],
  'industry.keys': ['行业', 'Industries'],
  'size.annualRevenue': ['年主营业务收入（万元）', 'Annual main-business revenue (10,000 yuan)'],
  'size.employees': ['从业人数', 'Employees'],
  'size.aboveDesignatedSize': ['规模以上企业', 'Above designated size (规模以上)'],
  'size.industryLeader': ['行业龙头 / 行业靠前', 'Industry leader'],
  'size.largeGroup': ['大型企业集团（或其成员企业）', 'Large enterprise group (or a member)'],
  'ownership.centralSOE': ['中央企业', 'Central state-owned enterprise'],
  'ownership.stateOwned': ['国有企业', 'State-owned enterprise'],
  'ownership.municipalSOE': ['市属国有企业', 'City-owned state enterprise'],
  'ownership.hongKongInvested': ['港资企业', 'Hong Kong-invested enterprise'],
  'energy.annualConsumptionTce': ['年综合能耗（吨标准煤）', 'Annual energy use (tonnes of standard coal)'],
  'energy.exceedsConsumptionQuota': ['超过单位产品能耗限额标准', 'Exceeds the energy-consumption quota'],
  'energy.keyEnergyUser': ['重点用能单位', 'Key energy-consuming unit'],
  'energy.highWaterUse': ['高耗水', 'High water use'],
  'environment.exceedsDischargeStandard': ['污染物排放超标', 'Discharges above the standard'],
  'environment.exceedsTotalQuota': ['超过污染物排放总量控制指标', 'Exceeds the total-discharge quota'],
  'environment.usesToxicRawMaterials': ['使用有毒有害原料', 'Uses toxic raw materials'],
  'environment.dischargesToxicSubstances': ['排放有毒有害物质', 'Discharges toxic substances'],
  'environment.priorityControlChemicals': ['涉及的优先控制化学品', 'Priority-control chemicals'],
  'environment.heavyMetals': ['排放重金属污染物', 'Emits heavy metals'],
  'environment.highEmission': ['高排放 / 污染企业', 'High-emission (polluting) enterprise'],
  'environment.onUnmetTargetsList': ['列入未完成能源消耗或重点污染物控制指标企业名单', 'On the list of enterprises missing energy or pollutant targets'],
  'environment.utilizesWaste': ['利用废物生产或回收原料', 'Uses waste or recovers materials from waste'],
  'environment.circularEconomyPilot': ['循环经济试点单位', 'Circular-economy pilot unit'],
  'environment.reducedDischargeByCP': ['已通过清洁生产措施减少排放', 'Reduced discharge through cleaner production'],
  'environment.keyMonitoring': ['重点监控名单', 'Key-monitoring lists'],
  'environment.keyMonitoring.energy': ['列入能源重点监控名单', 'On an energy key-monitoring list'],
  'environment.keyMonitoring.environment': ['列入环境重点监控名单', 'On an environmental key-monitoring list'],
  'process.simple': ['生产工艺简单', 'Simple production process'],
  'process.lowImpact': ['环境影响较小', 'Low environmental impact'],
  'process.obsoleteEquipment': ['使用列入限期淘汰目录的设备、工艺或产品', 'Uses equipment or processes listed for phasing out'],
  'audit.mandatoryListed': ['强制性审核名单', 'Mandatory-audit list'],
  'audit.mandatoryListed.listed': ['已列入审核名单', 'On the published audit list'],
  'audit.mandatoryListed.listedOn': ['列入名单日期', 'Listed on'],
  'audit.mandatoryListed.deadline': ['名单规定的完成期限', 'Deadline set by the list'],
  'audit.lastCompleted': ['上一轮清洁生产审核', 'Last cleaner-production audit'],
  'audit.rounds': ['历次清洁生产审核', 'Audit history (every round)'],
  'audit.rounds.completedOn': ['完成日期', 'Completed on'],
  'audit.rounds.acceptedOn': ['通过验收日期', 'Accepted on'],
  'audit.accepted': ['上一轮审核已通过评估验收', 'Last audit passed acceptance'],
  'audit.completedOnTime': ['按时或提前完成审核（按审核日期无法判断时采用）', 'Audit completed on time (used where the audit dates cannot tell)'],
  'audit.certified': ['通过符合审核要求的清洁生产评价认证', 'Passed a cleaner-production certification'],
  'audit.voluntary': ['上一轮审核为自愿审核', 'Last audit was voluntary'],
  'audit.voluntaryAgreement': ['已签订自愿节约资源、削减排放协议', 'Signed a voluntary saving and reduction agreement'],
  'audit.notableResults': ['清洁生产成效显著', 'Notable cleaner-production results'],
  'audit.acceptanceRequired': ['按国家规定审核须验收', 'Audit must be accepted under national rules'],
  'audit.appliesForMunicipalTitle': ['申请市级清洁生产企业称号', 'Applies for the municipal title'],
  'audit.leadingLevel': ['审核质量高、清洁生产水平国内或省内领先', 'Leading cleaner-production level'],
  titles: ['清洁生产称号', 'Cleaner-production titles'],
  'titles.kind': ['称号', 'Title'],
  'titles.awardedOn': ['授予日期', 'Awarded on'],
  'titles.revoked': ['已被撤销', 'Revoked'],
  trainedAuditStaff: ['受过清洁生产审核培训的员工人数', 'Staff trained in cleaner-production audits'],
  'conduct.majorEnvironmentalAccident': ['发生重大环境事故', 'Major environmental accident'],
  'conduct.illegalDischarge': ['偷排超排', 'Illegal or excess discharge'],
  'conduct.refusedOrDelayedAudit': ['无故拒绝或拖延审核', 'Refused or delayed the audit'],
  'conduct.falsifiedAudit': ['审核中弄虚作假', 'Falsified the audit'],
  'conduct.misreportedAudit': ['未报告或未如实报告审核结果', 'Did not (truthfully) report audit results'],
  'conduct.refusedRectification': ['责令限期改正后拒不改正', 'Refused to correct after an order'],
  'conduct.failedToPublish': ['未按规定公布能耗或污染物数据', 'Did not publish energy or pollutant data'],
  'conduct.penalizedUnderCPPL': ['曾依《清洁生产促进法》受处罚', 'Penalised under the Cleaner Production Promotion Law'],
  'conduct.materialsNotMarked': ['未标注或未如实标注产品材料成分', 'Did not (truthfully) mark product material composition'],
  'conduct.toxicBuildingMaterials': [
    '生产、销售或使用有毒有害物质超标的建筑装修材料',
    'Produced, sold or used building materials above the toxic-substance standard',
  ],
  'finance.resourceUtilizationTaxRelief': ['申请资源综合利用税收优惠', 'Claims resource-utilisation tax relief'],
  'finance.thirdPartyPollutionControl': ['第三方污染治理企业', 'Third-party pollution-control enterprise'],
  'finance.sme': ['中小企业', 'Small or medium-sized enterprise'],
  'finance.manufacturing': ['制造业工业企业', 'Manufacturing enterprise'],
  'finance.greenLowCarbonProducts': ['提供绿色低碳产品', 'Supplies green / low-carbon products'],
  'finance.ecoDesignedProducts': ['生产生态设计产品', 'Makes eco-designed products'],
  'project.kind': ['建设项目类型', 'Project type'],
  'project.twoHigh': ['“两高”项目', '“Two-high” project'],
  'project.changesNatureOrScale': ['改变性质或生产规模', 'Changes nature or scale'],
  'project.addsPollutants': ['增加污染物排放或种类', 'Adds pollutants'],
  'project.keyTechUpgrade': ['国家清洁生产重点技术改造项目', 'Key cleaner-production technical upgrade'],
  'project.failsAdmissionRequirements': ['项目不符合准入要求', 'Fails admission requirements'],
  'project.cleanerProductionTech': ['清洁生产技术项目', 'Cleaner-production technology project'],
};

/** Enum value labels, by the kind of value. */
export const VALUES = {
  sector: {
    industry: ['工业', 'industry'],
    agriculture: ['农业', 'agriculture'],
    services: ['服务业', 'services'],
    construction: ['建筑业', 'construction'],
    transport: ['交通运输', 'transport'],
    'public-institution': ['公共机构', 'public institution'],
  },
  city: {
    guangzhou: ['广州', 'Guangzhou'],
    shenzhen: ['深圳', 'Shenzhen'],
    zhuhai: ['珠海', 'Zhuhai'],
    shantou: ['汕头', 'Shantou'],
    foshan: ['佛山', 'Foshan'],
    shaoguan: ['韶关', 'Shaoguan'],
    heyuan: ['河源', 'Heyuan'],
    meizhou: ['梅州', 'Meizhou'],
    huizhou: ['惠州', 'Huizhou'],
    shanwei: ['汕尾', 'Shanwei'],
    dongguan: ['东莞', 'Dongguan'],
    zhongshan: ['中山', 'Zhongshan'],
    jiangmen: ['江门', 'Jiangmen'],
    yangjiang: ['阳江', 'Yangjiang'],
    zhanjiang: ['湛江', 'Zhanjiang'],
    maoming: ['茂名', 'Maoming'],
    zhaoqing: ['肇庆', 'Zhaoqing'],
    qingyuan: ['清远', 'Qingyuan'],
    chaozhou: ['潮州', 'Chaozhou'],
    jieyang: ['揭阳', 'Jieyang'],
    yunfu: ['云浮', 'Yunfu'],
  },
  district: {
    chancheng: ['禅城区', 'Chancheng'],
    nanhai: ['南海区', 'Nanhai'],
    shunde: ['顺德区', 'Shunde'],
    gaoming: ['高明区', 'Gaoming'],
    sanshui: ['三水区', 'Sanshui'],
    meijiang: ['梅江区', 'Meijiang'],
    meixian: ['梅县区', 'Meixian'],
    xingning: ['兴宁市', 'Xingning'],
    pingyuan: ['平远县', 'Pingyuan'],
    jiaoling: ['蕉岭县', 'Jiaoling'],
    dabu: ['大埔县', 'Dabu'],
    fengshun: ['丰顺县', 'Fengshun'],
    wuhua: ['五华县', 'Wuhua'],
  },
  watershed: {
    danshui: ['淡水河', 'Danshui River'],
    shima: ['石马河', 'Shima River'],
    'guangfo-cross-boundary': ['广佛跨界河', 'Guangzhou–Foshan cross-boundary rivers'],
    maozhou: ['茅洲河', 'Maozhou River'],
    lianjiang: ['练江', 'Lianjiang River'],
    xiaodong: ['小东江', 'Xiaodong River'],
  },
  industry: {
    power: ['电力', 'power generation'],
    'thermal-power': ['火电', 'thermal power'],
    'petroleum-refining': ['石油炼制', 'petroleum refining'],
    coking: ['焦化', 'coking'],
    steel: ['钢铁', 'iron and steel'],
    'nonferrous-metals': ['有色金属', 'non-ferrous metals'],
    'nonferrous-rolling': ['有色金属压延加工', 'non-ferrous metal rolling'],
    'lead-zinc-smelting': ['铅锌冶炼', 'lead and zinc smelting'],
    'electrolytic-aluminium': ['电解铝', 'electrolytic aluminium'],
    'electrolytic-manganese': ['电解锰', 'electrolytic manganese'],
    'rare-earths': ['稀土', 'rare earths'],
    chemicals: ['化工', 'chemicals'],
    petrochemicals: ['石化', 'petrochemicals'],
    'coal-chemicals': ['煤化工', 'coal chemicals'],
    'chromium-salts': ['铬盐', 'chromium salts'],
    'pvc-calcium-carbide': ['电石法聚氯乙烯', 'calcium-carbide PVC'],
    'nitrogen-fertilizer': ['氮肥', 'nitrogen fertiliser'],
    pesticides: ['农药', 'pesticides'],
    'adc-foaming-agent': ['ADC发泡剂', 'ADC foaming agent'],
    pharmaceuticals: ['医药', 'pharmaceuticals'],
    'pharmaceutical-api': ['原料药制造', 'active pharmaceutical ingredients'],
    papermaking: ['造纸', 'papermaking'],
    textiles: ['纺织', 'textiles'],
    dyeing: ['印染', 'dyeing and finishing'],
    tanning: ['制革', 'tanning'],
    electroplating: ['电镀', 'electroplating'],
    'building-materials': ['建材', 'building materials'],
    cement: ['水泥', 'cement'],
    'flat-glass': ['平板玻璃', 'flat glass'],
    glass: ['玻璃', 'glass'],
    ceramics: ['陶瓷', 'ceramics'],
    'sanitary-ware': ['卫浴', 'sanitary ware'],
    food: ['食品', 'food'],
    'agrifood-processing': ['农副食品加工', 'agri-food processing'],
    fermentation: ['发酵', 'fermentation'],
    brewing: ['酿造', 'brewing'],
    sugar: ['制糖', 'sugar'],
    batteries: ['电池', 'batteries'],
    'lead-acid-batteries': ['铅蓄电池', 'lead-acid batteries'],
    'electric-light-sources': ['电光源', 'electric light sources'],
    'fluorescent-lamps': ['荧光灯', 'fluorescent lamps'],
    'home-appliances': ['家电', 'home appliances'],
    electronics: ['电子信息', 'electronics and IT'],
    'new-display': ['新型显示', 'new display devices'],
    automobiles: ['汽车', 'automobiles'],
    'auto-parts': ['汽车零部件', 'auto parts'],
    'transport-equipment': ['交通运输设备', 'transport equipment'],
    shipbuilding: ['造船', 'shipbuilding'],
    'equipment-manufacturing': ['装备制造', 'equipment manufacturing'],
    'metal-products': ['金属制品', 'metal products'],
    'wood-furniture': ['木质家具', 'wooden furniture'],
    'new-materials': ['新材料', 'new materials'],
    'environmental-equipment': ['环保设备', 'environmental equipment'],
    'plastics-rubber-fibre': ['塑料、橡胶、化纤', 'plastics, rubber and chemical fibre'],
    polysilicon: ['多晶硅', 'polysilicon'],
    'industrial-coating': ['工业涂装', 'industrial coating'],
    'packaging-printing': ['包装印刷', 'packaging printing'],
    'e-waste-dismantling': ['电子废弃物拆解', 'e-waste dismantling'],
    hotels: ['宾馆酒店', 'hotels and accommodation'],
    catering: ['餐饮', 'catering'],
    retail: ['商场超市零售', 'retail'],
    logistics: ['物流', 'logistics'],
    'express-delivery': ['快递', 'express delivery'],
    'e-commerce': ['电子商务', 'e-commerce'],
    'power-supply': ['电力供应', 'power supply'],
    'heat-supply': ['热力生产和供应', 'heat production and supply'],
    mining: ['采矿', 'mining'],
    leather: ['皮革、毛皮及其制品和制鞋', 'leather, fur and footwear'],
    furniture: ['家具制造', 'furniture'],
    'wood-processing': ['木材加工', 'wood processing'],
    garments: ['纺织服装、服饰', 'garments and apparel'],
    entertainment: ['娱乐', 'entertainment'],
  },
  titleKind: {
    'guangdong-cp-enterprise': ['广东省清洁生产企业', 'Guangdong cleaner-production enterprise'],
    'foshan-cp-enterprise': ['佛山市清洁生产企业', 'Foshan cleaner-production enterprise'],
    'cp-demonstration': ['清洁生产示范企业', 'cleaner-production demonstration enterprise'],
    'guangdong-cp-benchmark': ['广东省清洁生产标杆企业', 'Guangdong cleaner-production benchmark enterprise'],
  },
  parkLevel: { national: ['国家级', 'national'], provincial: ['省级', 'provincial'], municipal: ['市级', 'municipal'], county: ['县级', 'county'] },
  projectKind: { new: ['新建', 'new'], expansion: ['改建、扩建', 'expansion'], 'technical-upgrade': ['技术改造', 'technical upgrade'] },
  auditStatus: {
    mandatory: ['须实施强制性清洁生产审核', 'Mandatory cleaner-production audit'],
    required: ['须按规划完成清洁生产审核', 'Audit required by a plan'],
    'deemed-done': ['视同已完成审核', 'Audit deemed done'],
    encouraged: ['鼓励自愿开展审核', 'Audit encouraged (voluntary)'],
    'not-required': ['无须审核', 'No audit required'],
  },
  route: {
    simplified: ['简化审核流程', 'Simplified route'],
    standard: ['标准审核流程', 'Standard route'],
    undetermined: ['尚不能确定', 'Undetermined'],
  },
  acceptance: {
    filing: ['报送备案', 'filing with the city'],
    'municipal-acceptance': ['市级验收', 'municipal acceptance'],
    'provincial-title-acceptance': ['省级称号验收', 'provincial title acceptance'],
    'pass-audit-acceptance': ['通过审核验收', 'pass audit acceptance'],
    'submit-for-district-pre-review': ['报区级预审', 'district pre-review'],
    'submit-audit-report': ['报送审核报告', 'submit the audit report'],
  },
  rulesetStatus: {
    'in-force': ['有效', 'in force'],
    expired: ['已失效', 'expired'],
    'not-yet-in-force': ['尚未生效', 'not yet in force'],
    'not-applicable': ['不适用', 'not applicable'],
  },
};
/** Which VALUES table labels the enum at a profile path. */
const ENUM_KIND = {
  sector: 'sector',
  'location.city': 'city',
  'location.district': 'district',
  'location.watersheds': 'watershed',
  'location.park.specialized': 'industry',
  'industry.keys': 'industry',
  'titles.kind': 'titleKind',
  'location.park.level': 'parkLevel',
  'project.kind': 'projectKind',
};

/** The first questions of the screener (before the engine has said which facts matter). */
export const START_FIELDS = ['sector', 'location.city', 'location.district', 'industry.keys', 'size.annualRevenue'];
/** How many of the engine's questions are asked at a time. */
export const BATCH = 6;

const OPS = {
  equal: '=',
  notEqual: '≠',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  lessThan: '<',
  lessThanInclusive: '≤',
  in: '∈',
  notIn: '∉',
  contains: '∋',
  doesNotContain: '∌',
};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers.
// ---------------------------------------------------------------------------------------------------------------

const state = {
  lang: 'zh',
  schema: null,
  /** path → { wrap, read(): value | undefined, focus() } */
  fields: new Map(),
  asked: new Set(START_FIELDS),
  batch: [...START_FIELDS],
  remaining: null,
  stopped: false,
  answer: null,
  seq: 0,
};

const pick = (pair) => (Array.isArray(pair) ? pair[state.lang === 'zh' ? 0 : 1] : String(pair));
const tr = (key, vars = {}) => pick(UI[key]).replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
const idFor = (path) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** Creates an element. attrs: properties/attributes; `text: [zh, en]` makes a translated text node. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') bi(el, v);
    else if (k === 'class') el.className = v;
    else if (k === 'for') el.htmlFor = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}
/** Gives an element translated text: it follows the language switch. */
function bi(el, pair) {
  if (!Array.isArray(pair)) {
    el.textContent = String(pair);
    return el;
  }
  el.dataset.zh = pair[0];
  el.dataset.en = pair[1];
  el.textContent = pick(pair);
  return el;
}
function applyLang() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-zh]')) el.textContent = state.lang === 'zh' ? el.dataset.zh : el.dataset.en;
  document.title = state.lang === 'zh' ? '广东清洁生产自评' : 'Guangdong cleaner-production self-assessment';
  document.getElementById('lang-zh').setAttribute('aria-pressed', String(state.lang === 'zh'));
  document.getElementById('lang-en').setAttribute('aria-pressed', String(state.lang === 'en'));
  renderScreener();
  if (state.answer) renderResult(state.answer);
}

function labelOf(path) {
  const generic = path.replace(/\.\d+\./g, '.');
  if (FIELDS[generic]) return FIELDS[generic];
  const s = schemaAt(generic);
  const last = generic.split('.').pop();
  return s?.description ? [s.description, s.description] : [last, last];
}
function valueLabel(kind, v) {
  const pair = VALUES[kind]?.[v];
  return pair ?? [v, v];
}
/** The schema of a profile path (array items are looked through). */
function schemaAt(path) {
  let s = state.schema;
  for (const part of path.split('.')) {
    if (!s) return undefined;
    if (s.type === 'array') s = s.items;
    s = s?.properties?.[part];
  }
  return s;
}
function setPath(obj, path, value) {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ??= {};
  o[parts[parts.length - 1]] = value;
}

// ---------------------------------------------------------------------------------------------------------------
// The form, generated from the profile schema.
// ---------------------------------------------------------------------------------------------------------------

function fieldWrap(path, s, control, { hintText, labelFor } = {}) {
  const id = labelFor ?? idFor(path);
  const wrap = h('div', { class: 'field', 'data-path': path });
  const label = h('label', { for: id, text: labelOf(path) });
  wrap.append(label, control);
  const hint = hintText ?? s?.description;
  if (hint && FIELDS[path]) {
    const hid = `${id}-hint`;
    wrap.append(h('p', { class: 'hint', id: hid }, hint));
    const target = wrap.querySelector(`#${CSS.escape(id)}`);
    if (target) target.setAttribute('aria-describedby', hid);
  }
  return wrap;
}

function enumOptions(select, values, kind, { unknown = true } = {}) {
  if (unknown) select.append(h('option', { value: '', text: UI.unknown }));
  for (const v of values) select.append(h('option', { value: v, text: kind ? valueLabel(kind, v) : [v, v] }));
}

function boolField(path, s) {
  const sel = h('select', { id: idFor(path), name: path });
  sel.append(h('option', { value: '', text: UI.unknown }), h('option', { value: 'true', text: UI.yes }), h('option', { value: 'false', text: UI.no }));
  const wrap = fieldWrap(path, s, sel);
  register(path, wrap, () => (sel.value === '' ? undefined : sel.value === 'true'), sel);
  return wrap;
}

function enumField(path, s, values) {
  const sel = h('select', { id: idFor(path), name: path });
  enumOptions(sel, values, ENUM_KIND[path]);
  const wrap = fieldWrap(path, s, sel);
  register(path, wrap, () => (sel.value === '' ? undefined : sel.value), sel);
  return wrap;
}

function numberField(path, s) {
  const input = h('input', {
    type: 'number',
    id: idFor(path),
    name: path,
    inputmode: s.type === 'integer' ? 'numeric' : 'decimal',
    min: s.minimum ?? undefined,
    step: s.type === 'integer' ? '1' : 'any',
  });
  const wrap = fieldWrap(path, s, input);
  register(path, wrap, () => (input.value.trim() === '' ? undefined : Number(input.value)), input);
  return wrap;
}

function dateField(path, s) {
  const input = h('input', { type: 'date', id: idFor(path), name: path });
  const wrap = fieldWrap(path, s, input);
  register(path, wrap, () => input.value || undefined, input);
  return wrap;
}

function textField(path, s) {
  const input = h('input', { type: 'text', id: idFor(path), name: path, autocomplete: 'off', spellcheck: false, maxlength: s.maxLength ?? undefined });
  const wrap = fieldWrap(path, s, input);
  register(path, wrap, () => (input.value.trim() === '' ? undefined : input.value.trim()), input);
  return wrap;
}

function listTextField(path, s) {
  const input = h('input', { type: 'text', id: idFor(path), name: path, autocomplete: 'off', spellcheck: false });
  const wrap = fieldWrap(path, s, input, { hintText: '' });
  const hid = `${idFor(path)}-hint`;
  wrap.append(
    h(
      'p',
      { class: 'hint', id: hid },
      s.description || s.items?.description ? `${s.description ?? s.items.description} — ` : '',
      h('span', { text: UI.commaSeparated }),
    ),
  );
  input.setAttribute('aria-describedby', hid);
  register(
    path,
    wrap,
    () => {
      const items = input.value
        .split(/[,，、;；\s]+/)
        .map((x) => x.trim())
        .filter(Boolean);
      return items.length ? [...new Set(items)] : undefined;
    },
    input,
  );
  return wrap;
}

/** An array of enum values as a group of checkboxes (with a filter when the list is long). */
function checkboxField(path, _s, values) {
  const kind = ENUM_KIND[path];
  const base = idFor(path);
  const legend = h('legend', { text: labelOf(path) });
  const fs = h('fieldset', { class: 'field checks', 'data-path': path, id: base }, legend);
  const list = h('div', { class: `check-list${values.length > 12 ? ' long' : ''}` });
  if (values.length > 12) {
    const fid = `${base}-filter`;
    const filter = h('input', { type: 'search', id: fid, autocomplete: 'off' });
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      for (const item of list.children) item.hidden = q !== '' && !item.dataset.search.includes(q);
    });
    fs.append(h('div', { class: 'filter' }, h('label', { for: fid, text: UI.filterIndustries }), filter));
  }
  for (const v of values) {
    const cid = `${base}-${v}`;
    const pair = valueLabel(kind, v);
    list.append(
      h(
        'div',
        { class: 'check', 'data-search': `${v} ${pair[0]} ${pair[1]}`.toLowerCase() },
        h('input', { type: 'checkbox', id: cid, name: path, value: v }),
        h('label', { for: cid, text: pair }),
      ),
    );
  }
  fs.append(list);
  const boxes = () => [...list.querySelectorAll('input[type=checkbox]')];
  register(
    path,
    fs,
    () => {
      const on = boxes()
        .filter((b) => b.checked)
        .map((b) => b.value);
      return on.length ? on : undefined;
    },
    { focus: () => (fs.querySelector('input[type=search]') ?? boxes()[0]).focus() },
  );
  return fs;
}

/** The district: a select where the contract enumerates the city's districts, free pinyin text elsewhere. */
function districtField(path, _s, byCity) {
  const id = idFor(path);
  const wrap = h('div', { class: 'field', 'data-path': path });
  const selLabel = h('label', { for: id, text: labelOf(path) });
  const sel = h('select', { id, name: path });
  const textId = `${id}-text`;
  const textLabel = h('label', { for: textId, text: UI.districtOther });
  const input = h('input', { type: 'text', id: textId, name: `${path}-text`, autocomplete: 'off', spellcheck: false, pattern: '[a-z][a-z\\-]*' });
  wrap.append(selLabel, sel, textLabel, input);
  const sync = (city) => {
    const list = byCity[city];
    const useSelect = !!list;
    selLabel.hidden = sel.hidden = !useSelect;
    textLabel.hidden = input.hidden = useSelect;
    if (useSelect) {
      const keep = sel.value;
      sel.replaceChildren();
      enumOptions(sel, list, 'district');
      sel.value = list.includes(keep) ? keep : '';
    }
  };
  sync('');
  register(
    path,
    wrap,
    () => {
      if (!sel.hidden) return sel.value === '' ? undefined : sel.value;
      const v = input.value.trim().toLowerCase();
      return v === '' ? undefined : v;
    },
    { focus: () => (sel.hidden ? input : sel).focus() },
  );
  wrap.syncCity = sync;
  return wrap;
}

/** audit.lastCompleted: a date, or null for "never audited", or left out. */
function lastCompletedField(path, s) {
  const id = idFor(path);
  const sel = h('select', { id, name: path });
  sel.append(h('option', { value: '', text: UI.unknown }), h('option', { value: 'never', text: UI.never }), h('option', { value: 'date', text: UI.onDate }));
  const dateId = `${id}-date`;
  const dateLabel = h('label', { for: dateId, text: UI.lastCompletedDate });
  const date = h('input', { type: 'date', id: dateId, name: `${path}-date` });
  const dateBox = h('div', { class: 'sub', hidden: true }, dateLabel, date);
  sel.addEventListener('change', () => {
    dateBox.hidden = sel.value !== 'date';
  });
  const wrap = fieldWrap(path, s, sel);
  wrap.append(dateBox);
  register(path, wrap, () => (sel.value === 'never' ? null : sel.value === 'date' ? date.value || undefined : undefined), sel);
  return wrap;
}

/** titles: a small repeatable group; "none" sends [], "unknown" leaves the field out. */
function titlesField(path, s) {
  const item = s.items;
  const id = idFor(path);
  const sel = h('select', { id, name: path });
  sel.append(
    h('option', { value: '', text: UI.unknown }),
    h('option', { value: 'none', text: UI.titlesNone }),
    h('option', { value: 'list', text: UI.titlesListed }),
  );
  const rows = h('ol', { class: 'title-rows' });
  let n = 0;
  const addRow = () => {
    const k = ++n;
    const rid = `${id}-${k}`;
    const kind = h('select', { id: `${rid}-kind` });
    enumOptions(kind, item.properties.kind.enum, 'titleKind', { unknown: false });
    const awarded = h('input', { type: 'date', id: `${rid}-awardedOn` });
    const revoked = h('select', { id: `${rid}-revoked` });
    revoked.append(h('option', { value: 'false', text: UI.no }), h('option', { value: 'true', text: UI.yes }));
    const row = h(
      'li',
      { class: 'title-row' },
      h('div', { class: 'field' }, h('label', { for: kind.id, text: FIELDS['titles.kind'] }), kind),
      h('div', { class: 'field' }, h('label', { for: awarded.id, text: FIELDS['titles.awardedOn'] }), awarded),
      h('div', { class: 'field' }, h('label', { for: revoked.id, text: FIELDS['titles.revoked'] }), revoked),
      h('button', {
        type: 'button',
        class: 'secondary remove',
        text: UI.removeTitle,
        onclick: () => {
          row.remove();
          if (!rows.children.length) sel.value = 'none';
          sync();
        },
      }),
    );
    row.read = () => ({ kind: kind.value, ...(awarded.value ? { awardedOn: awarded.value } : {}), ...(revoked.value === 'true' ? { revoked: true } : {}) });
    rows.append(row);
    kind.focus();
  };
  const add = h('button', {
    type: 'button',
    class: 'secondary',
    text: UI.addTitle,
    onclick: () => {
      sel.value = 'list';
      addRow();
      sync();
    },
  });
  const box = h('div', { class: 'titles-box' }, rows, add);
  const sync = () => {
    box.hidden = sel.value !== 'list';
    if (sel.value === 'list' && !rows.children.length) addRow();
  };
  sel.addEventListener('change', sync);
  const wrap = h('div', { class: 'field wide', 'data-path': path }, h('label', { for: id, text: UI.titlesHeld }), sel, box);
  sync();
  register(path, wrap, () => (sel.value === 'none' ? [] : sel.value === 'list' ? [...rows.children].map((r) => r.read()) : undefined), sel);
  return wrap;
}

/** audit.rounds: the whole audit history; "never" sends [], "unknown" leaves it out. */
function roundsField(path) {
  const id = idFor(path);
  const sel = h('select', { id, name: path });
  sel.append(
    h('option', { value: '', text: UI.unknown }),
    h('option', { value: 'none', text: UI.never }),
    h('option', { value: 'list', text: UI.roundsListed }),
  );
  const rows = h('ol', { class: 'title-rows' });
  let n = 0;
  const addRow = () => {
    const rid = `${id}-${++n}`;
    const done = h('input', { type: 'date', id: `${rid}-completedOn`, required: true });
    const accepted = h('input', { type: 'date', id: `${rid}-acceptedOn` });
    const row = h(
      'li',
      { class: 'title-row' },
      h('div', { class: 'field' }, h('label', { for: done.id, text: FIELDS['audit.rounds.completedOn'] }), done),
      h('div', { class: 'field' }, h('label', { for: accepted.id, text: FIELDS['audit.rounds.acceptedOn'] }), accepted),
      h('button', {
        type: 'button',
        class: 'secondary remove',
        text: UI.removeRound,
        onclick: () => {
          row.remove();
          if (!rows.children.length) sel.value = 'none';
          sync();
        },
      }),
    );
    row.read = () => ({ completedOn: done.value, ...(accepted.value ? { acceptedOn: accepted.value } : {}) });
    rows.append(row);
    done.focus();
  };
  const add = h('button', {
    type: 'button',
    class: 'secondary',
    text: UI.addRound,
    onclick: () => {
      sel.value = 'list';
      addRow();
      sync();
    },
  });
  const box = h('div', { class: 'titles-box' }, rows, add);
  const sync = () => {
    box.hidden = sel.value !== 'list';
    if (sel.value === 'list' && !rows.children.length) addRow();
  };
  sel.addEventListener('change', sync);
  const wrap = h('div', { class: 'field wide', 'data-path': path }, h('label', { for: id, text: UI.roundsHeld }), sel, box);
  sync();
  register(
    path,
    wrap,
    () => (sel.value === 'none' ? [] : sel.value === 'list' ? [...rows.children].map((r) => r.read()).filter((r) => r.completedOn) : undefined),
    sel,
  );
  return wrap;
}

function register(path, wrap, read, focusable) {
  state.fields.set(path, { wrap, read, focus: () => focusable.focus() });
}

/** Builds the controls for one property (recursing into objects as nested fieldsets). */
function buildField(path, s, ctx) {
  if (path === 'titles') return titlesField(path, s);
  if (path === 'audit.lastCompleted') return lastCompletedField(path, s);
  if (path === 'audit.rounds') return roundsField(path);
  if (path === 'location.district') return districtField(path, s, ctx.districts);
  if (path === 'location.city') return enumField(path, s, ctx.cities);
  if (s.type === 'object' && s.properties) {
    const fs = h('fieldset', { class: 'sub-group', 'data-path': path }, h('legend', { text: labelOf(path) }));
    for (const [k, sub] of Object.entries(s.properties)) fs.append(buildField(`${path}.${k}`, sub, ctx));
    return fs;
  }
  if (s.type === 'boolean') return boolField(path, s);
  if (s.type === 'string' && s.enum) return enumField(path, s, s.enum);
  if (s.type === 'number' || s.type === 'integer') return numberField(path, s);
  if (s.type === 'string' && s.format === 'date') return dateField(path, s);
  if (s.type === 'array' && s.items?.enum) return checkboxField(path, s, s.items.enum);
  if (s.type === 'array') return listTextField(path, s);
  return textField(path, s);
}

function buildForm(schema) {
  const loc = schema.properties.location;
  const cities = loc.allOf.map((x) => x.else?.properties?.city?.enum).find(Boolean) ?? Object.keys(VALUES.city);
  const districts = {};
  for (const rule of loc.allOf) {
    const city = rule.if?.properties?.city?.const;
    const list = rule.then?.properties?.district?.enum;
    if (city && list) districts[city] = list;
  }
  const ctx = { cities, districts };
  const groups = new Map(Object.keys(GROUPS).map((g) => [g, h('fieldset', { class: 'group', 'data-group': g }, h('legend', { text: GROUPS[g] }))]));
  for (const [key, s] of Object.entries(schema.properties)) {
    const g = FIELD_GROUP[key] ?? (groups.has(key) ? key : 'basics');
    const target = groups.get(g);
    if (s.type === 'object' && s.properties) for (const [k, sub] of Object.entries(s.properties)) target.append(buildField(`${key}.${k}`, sub, ctx));
    else target.append(buildField(key, s, ctx));
  }
  const container = document.getElementById('groups');
  container.replaceChildren(...groups.values());
  const district = state.fields.get('location.district')?.wrap;
  const city = document.getElementById(idFor('location.city'));
  city?.addEventListener('change', () => district?.syncCity(city.value));
}

function readProfile() {
  const profile = {};
  for (const [path, f] of state.fields) {
    const v = f.read();
    if (v !== undefined) setPath(profile, path, v);
  }
  return profile;
}

// ---------------------------------------------------------------------------------------------------------------
// The adaptive screener: start with a few questions, then ask what the engine says would settle the answer.
// ---------------------------------------------------------------------------------------------------------------

/** The form fields a question's fact names: the field itself, or every field under it (e.g. `titles`, `audit.mandatoryListed`). */
export function fieldsForFact(fact, paths) {
  return paths.filter((p) => p === fact || p.startsWith(`${fact}.`));
}

/** The next batch: the first `size` questions (most decisive first) whose fields have not been asked yet. */
export function nextBatch(questions, asked, paths, size = BATCH) {
  const batch = [];
  for (const q of questions) {
    const fresh = fieldsForFact(q.fact, paths).filter((p) => !asked.has(p) && !batch.includes(p));
    if (!fresh.length) continue;
    batch.push(...fresh);
    if (batch.length >= size) break;
  }
  return batch;
}

function fullForm() {
  return document.getElementById('full-form').checked;
}

function renderVisibility() {
  const full = fullForm();
  const form = document.getElementById('profile-form');
  form.classList.toggle('screener', !full);
  for (const [path, f] of state.fields) {
    f.wrap.hidden = !full && !state.asked.has(path);
    f.wrap.classList.toggle('new', !full && state.batch.includes(path) && !START_FIELDS.includes(path));
  }
  for (const fs of [...document.querySelectorAll('#groups fieldset.sub-group')].reverse().concat([...document.querySelectorAll('#groups fieldset.group')])) {
    fs.hidden = !full && ![...fs.querySelectorAll(':scope > .field, :scope > fieldset')].some((c) => !c.hidden);
  }
}

function renderScreener() {
  if (!state.schema) return;
  const panel = document.getElementById('screener-panel');
  const status = document.getElementById('screener-status');
  const list = document.getElementById('screener-list');
  const stop = document.getElementById('stop-screener');
  panel.hidden = fullForm();
  list.replaceChildren();
  if (fullForm()) {
    status.textContent = tr('fullFormOn');
    stop.hidden = true;
    renderVisibility();
    return;
  }
  let msg;
  if (!state.answer) msg = tr('screenerStart');
  else if (state.stopped) msg = tr('screenerStopped');
  else if (state.batch.length) msg = tr('screenerNext');
  else msg = tr('screenerDone');
  if (state.answer && state.remaining) msg += ` ${tr('remaining', { n: state.remaining })}`;
  status.textContent = msg;
  if (!state.stopped) {
    for (const path of state.batch) {
      const a = h('a', { href: `#${state.fields.get(path)?.wrap.querySelector('input, select')?.id ?? idFor(path)}` }, pick(labelOf(path)));
      a.addEventListener('click', (e) => {
        e.preventDefault();
        state.fields.get(path)?.focus();
      });
      list.append(h('li', {}, a));
    }
  }
  stop.hidden = !state.answer || (!state.batch.length && !state.stopped);
  stop.textContent = tr(state.stopped ? 'resume' : 'stop');
  renderVisibility();
}

function advanceScreener(answer) {
  const paths = [...state.fields.keys()];
  const open = answer.questions.filter((q) => fieldsForFact(q.fact, paths).length);
  state.remaining = open.length;
  state.batch = state.stopped ? [] : nextBatch(open, state.asked, paths);
  for (const p of state.batch) state.asked.add(p);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation.
// ---------------------------------------------------------------------------------------------------------------

async function evaluateNow() {
  const errorsBox = document.getElementById('form-errors');
  errorsBox.replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const asOf = document.getElementById('asOf').value;
  const body = { profile: readProfile(), ...(asOf ? { asOf } : {}) };
  const seq = ++state.seq;
  const button = document.getElementById('evaluate');
  button.disabled = true;
  document.getElementById('load-status').textContent = tr('evaluating');
  try {
    const res = await fetch('/v1/evaluate', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, application/problem+json',
        'accept-language': state.lang === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en,zh-CN;q=0.5',
      },
      body: JSON.stringify(body),
    });
    const data = await res.json();
    if (seq !== state.seq) return;
    if (!res.ok) {
      showProblem(data);
      return;
    }
    state.answer = data;
    advanceScreener(data);
    renderResult(data);
    renderScreener();
    document.getElementById('load-status').textContent = '';
    const first = state.batch.find((p) => !START_FIELDS.includes(p));
    const result = document.getElementById('result');
    if (!fullForm() && first) state.fields.get(first).focus();
    else result.focus();
  } catch (err) {
    document.getElementById('load-status').textContent = tr('evaluateFailed') + String(err?.message ?? err);
  } finally {
    button.disabled = false;
  }
}

function showProblem(problem) {
  const box = document.getElementById('form-errors');
  document.getElementById('load-status').textContent = '';
  const list = h('ul');
  for (const e of problem.errors ?? []) {
    const path = String(e.path ?? '')
      .replace(/^profile\./, '')
      .replace(/\[\d+\]/g, '');
    const field = state.fields.get(path);
    const control = field?.wrap.querySelector('input:not([hidden]), select:not([hidden])');
    control?.setAttribute('aria-invalid', 'true');
    list.append(
      h(
        'li',
        {},
        field
          ? h(
              'a',
              {
                href: `#${control?.id ?? ''}`,
                onclick: (ev) => {
                  ev.preventDefault();
                  field.focus();
                },
              },
              pick(labelOf(path)),
            )
          : e.path,
        ': ',
        e.message,
      ),
    );
  }
  if (!list.children.length) list.append(h('li', {}, problem.detail ?? problem.title ?? 'error'));
  box.replaceChildren(h('p', {}, tr('fixErrors')), list);
}

// ---------------------------------------------------------------------------------------------------------------
// The result.
// ---------------------------------------------------------------------------------------------------------------

const show = (v) =>
  v === undefined ? tr('notGiven') : v === null ? 'null' : Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? tr(v ? 'yes' : 'no') : String(v);

function factLine(t, { mine = false } = {}) {
  const label = pick(labelOf(t.fact));
  const op = OPS[t.operator] ?? t.operator;
  const li = h('li', { class: 'fact' }, h('span', { class: 'fact-name' }, label), ' ');
  if (mine) {
    li.append(
      h('span', { class: 'needs' }, `${tr('needs')} ${t.negated ? 'NOT ' : ''}${op} ${show(t.value)}`),
      '; ',
      h('span', { class: 'yours' }, `${tr('yours')}: ${show(t.actual)}`),
    );
  } else {
    li.append(
      h('span', { class: 'needs' }, `${t.negated ? 'NOT ' : ''}${op} ${show(t.value)}`),
      ' ',
      h('span', { class: 'yours' }, `(${tr('yours')}: ${show(t.actual)})`),
    );
  }
  li.append(h('code', { class: 'fact-path' }, t.fact));
  return li;
}

function citationBlock(c) {
  const quotes = Array.isArray(c.quote) ? c.quote : [c.quote];
  const bq = h('blockquote', { class: 'quote', lang: 'zh' });
  quotes.forEach((q, i) => {
    if (i) bq.append(' … ');
    bq.append(h('q', {}, q));
  });
  return h('figure', { class: 'citation' }, bq, h('figcaption', {}, h('cite', { lang: 'zh' }, c.document), ' · ', h('span', { lang: 'zh' }, c.section)));
}

function decisionCard(d, listed) {
  const title = (d ?? listed).title;
  const card = h('article', { class: 'decision', 'data-id': (d ?? listed).id });
  card.append(h('h4', { lang: state.lang === 'zh' ? 'zh-CN' : 'en' }, pick([title.zh, title.en])));
  const meta = h(
    'p',
    { class: 'meta' },
    h('span', {}, `${tr('ruleset')}: `, h('code', {}, `${(d ?? listed).ruleset}${d ? ` v${d.version}` : ''}`)),
    ' · ',
    h('code', { class: 'rule-id' }, (d ?? listed).id),
  );
  card.append(meta);
  // The rule's plain-language explanation, filled with this enterprise's facts (in the answer's language).
  if (d?.explanation) card.append(h('p', { class: 'explanation', lang: state.lang === 'zh' ? 'zh-CN' : 'en' }, d.explanation));
  if (d?.fine)
    card.append(
      h(
        'p',
        { class: 'fine' },
        `${tr('fine')}: ${d.fine.minYuan != null ? `${d.fine.minYuan.toLocaleString()} – ` : '≤ '}${d.fine.maxYuan.toLocaleString()} ${tr('yuan')}`,
      ),
    );
  if (d?.duty) card.append(h('p', { class: 'due', 'data-state': d.duty.state }, `${tr('dueNote')}: ${dutyLine(d.duty, pick)}`));
  if (d) card.append(citationBlock(d.citation));
  if (d?.because?.length) {
    const det = h(
      'details',
      { class: 'because' },
      h('summary', {}, tr('because')),
      h(
        'ul',
        {},
        d.because.map((t) => factLine(t)),
      ),
    );
    card.append(det);
  }
  if (d?.note) card.append(h('p', { class: 'note' }, d.note));
  if (d?.notEncoded) card.append(h('p', { class: 'note' }, d.notEncoded));
  return card;
}

function section(id, titleKey, ...content) {
  return h('section', { class: 'block', id, 'aria-labelledby': `${id}-h` }, h('h3', { id: `${id}-h` }, tr(titleKey)), ...content);
}

function renderResult(a) {
  const byId = new Map(a.decisions.map((d) => [d.id, d]));
  const out = [];
  const audit = a.summary.audit;
  const proc = a.summary.process;

  // 1. The audit verdict.
  const verdict = h(
    'dl',
    { class: 'verdict-list' },
    h('dt', {}, tr('status')),
    h('dd', { id: 'audit-status', class: `status status-${audit.status}`, 'data-status': audit.status }, pick(valueLabel('auditStatus', audit.status))),
    h('dt', {}, tr('dueBy')),
    h('dd', { id: 'audit-due' }, audit.dueBy ?? tr('none')),
    h('dt', {}, tr('overdue')),
    h('dd', { id: 'audit-overdue' }, audit.overdue === null ? tr('notKnown') : tr(audit.overdue ? 'yes' : 'no')),
  );
  const duty = dutyParts(a, { h, pick, byId });
  verdict.append(...duty.rows);
  if (audit.cycleYears) verdict.append(h('dt', {}, tr('cycle')), h('dd', {}, tr('years', { n: audit.cycleYears })));
  if (audit.couldBe.length)
    verdict.append(
      h('dt', {}, tr('couldBe')),
      h('dd', { id: 'audit-could-be' }, audit.couldBe.map((s) => pick(valueLabel('auditStatus', s))).join(pick(['；', '; ']))),
    );
  verdict.append(h('dt', {}, tr('route')), h('dd', { id: 'process-route', 'data-route': proc.route }, pick(valueLabel('route', proc.route))));
  if (proc.acceptance.length)
    verdict.append(
      h('dt', {}, tr('acceptance')),
      h('dd', { id: 'process-acceptance' }, proc.acceptance.map((x) => pick(valueLabel('acceptance', x))).join(pick(['；', '; ']))),
    );
  verdict.append(h('dt', {}, tr('reason')), h('dd', { id: 'process-reason', lang: state.lang === 'zh' ? 'zh-CN' : 'en' }, proc.reason));
  const basis = audit.basis.map((id) => byId.get(id)).filter(Boolean);
  const procBasis = proc.basis.map((id) => byId.get(id)).filter(Boolean);
  out.push(
    h(
      'section',
      { class: 'block verdict', id: 'verdict', 'aria-labelledby': 'verdict-h' },
      h('h3', { id: 'verdict-h' }, tr('audit')),
      h('p', { class: 'as-of' }, `${tr('asOfLabel')}: ${a.asOf}`),
      verdict,
      duty.missed,
      duty.duties,
      basis.length
        ? h(
            'div',
            { class: 'basis' },
            h('h4', { class: 'sub-h' }, tr('basis')),
            basis.map((d) => decisionCard(d)),
          )
        : null,
      procBasis.length
        ? h(
            'div',
            { class: 'basis' },
            h('h4', { class: 'sub-h' }, tr('processDecisions')),
            procBasis.map((d) => decisionCard(d)),
          )
        : null,
    ),
  );

  // 2. Incentives, sanctions, obligations, recommendations — each with its quoted basis.
  for (const [key, list] of [
    ['incentives', a.summary.incentives],
    ['sanctions', a.summary.sanctions],
    ['obligations', a.summary.obligations],
    ['recommendations', a.summary.recommendations],
  ]) {
    out.push(section(key, key, list.length ? list.map((x) => decisionCard(byId.get(x.id), x)) : h('p', { class: 'empty' }, tr('noneFound'))));
  }

  // 3. Why not.
  const whyNot = a.whyNot.filter((w) => w.kind === 'incentive' || w.kind === 'process');
  if (whyNot.length) {
    out.push(
      section(
        'why-not',
        'whyNot',
        h('p', {}, tr('whyNotIntro')),
        whyNot.map((w) =>
          h(
            'article',
            { class: 'decision why-not', 'data-id': w.id },
            h('h4', {}, pick([w.title.zh, w.title.en])),
            h('p', { class: 'meta' }, `${tr('ruleset')}: `, h('code', {}, w.ruleset), ' · ', h('code', { class: 'rule-id' }, w.id)),
            h(
              'ul',
              {},
              w.missing.map((t) => factLine(t, { mine: true })),
            ),
          ),
        ),
      ),
    );
  }

  // 4. Warnings, undetermined rules, rule sets.
  if (a.warnings.length)
    out.push(
      section(
        'warnings',
        'warnings',
        h(
          'ul',
          {},
          a.warnings.map((w) => h('li', { lang: 'en' }, h('code', {}, w.code), ' ', w.message)),
        ),
      ),
    );
  if (a.undetermined.length) {
    out.push(
      section(
        'undetermined',
        'undetermined',
        h('p', {}, tr('undeterminedIntro', { n: a.undetermined.length })),
        h(
          'details',
          {},
          h('summary', {}, tr('undetermined')),
          h(
            'ul',
            {},
            a.undetermined.map((u) => h('li', {}, pick([u.title.zh, u.title.en]), ' — ', u.missingFacts.map((f) => pick(labelOf(f))).join('、'))),
          ),
        ),
      ),
    );
  }
  out.push(
    section(
      'rulesets',
      'rulesets',
      h(
        'ul',
        { class: 'rulesets' },
        a.rulesets.map((r) =>
          h(
            'li',
            { 'data-status': r.status },
            h('code', {}, `${r.id} v${r.version}`),
            ' ',
            pick([r.title.zh, r.title.en]),
            ' — ',
            pick(valueLabel('rulesetStatus', r.status)),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'receipt' },
      `${tr('receipt')}: engine ${a.receipt.engineVersion} · profile sha256 `,
      h('code', {}, `${a.receipt.profileSha256.slice(0, 16)}…`),
    ),
  );

  document.getElementById('result-body').replaceChildren(...out);
  document.getElementById('result').hidden = false;
}

// ---------------------------------------------------------------------------------------------------------------
// Start.
// ---------------------------------------------------------------------------------------------------------------

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function boot() {
  const status = document.getElementById('load-status');
  status.textContent = tr('loading');
  document.getElementById('lang-zh').addEventListener('click', () => {
    state.lang = 'zh';
    applyLang();
  });
  document.getElementById('lang-en').addEventListener('click', () => {
    state.lang = 'en';
    applyLang();
  });
  try {
    const res = await fetch('/v1/schemas/profile', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    state.schema = await res.json();
  } catch (err) {
    status.textContent = tr('loadFailed') + String(err?.message ?? err);
    return;
  }
  buildForm(state.schema);
  document.getElementById('asOf').value = today();
  const form = document.getElementById('profile-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void evaluateNow();
  });
  document.getElementById('full-form').addEventListener('change', renderScreener);
  document.getElementById('stop-screener').addEventListener('click', () => {
    state.stopped = !state.stopped;
    if (state.stopped) state.batch = [];
    else if (state.answer) advanceScreener(state.answer);
    renderScreener();
  });
  form.hidden = false;
  status.textContent = '';
  applyLang();
  document.body.dataset.ready = 'true';
}

if (typeof document !== 'undefined') void boot();
