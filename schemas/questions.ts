/**
 * The question a person answers to give one profile fact, in Chinese and English, by profile path. The answer's
 * `questions[]` name the facts by path (`environment.exceedsDischargeStandard`); this catalog turns each into a
 * question. It covers every leaf of the profile schema (an object with properties is not a leaf, an array is one), so
 * whatever the engine asks for can be put to the enterprise.
 *
 * Style: one sentence; zh in simplified Chinese ending with ？, en ending with ?; a number question names its unit
 * (万元, 吨标准煤 / tonnes of standard coal); an English question gives the Chinese policy term in parentheses after the
 * English one where the schema's description names it. tests/schemas/questions.test.ts checks these rules.
 */

export interface QuestionText {
  readonly zh: string;
  readonly en: string;
}

export const QUESTIONS: Readonly<Record<string, QuestionText>> = {
  sector: {
    zh: '企业属于哪个领域（工业、农业、服务业、建筑业、交通运输或公共机构）？',
    en: 'In which sector does the enterprise work: industry, agriculture, services, construction, transport or public institutions?',
  },

  // location
  'location.province': { zh: '企业位于哪个省份？', en: 'In which province is the enterprise?' },
  'location.city': { zh: '企业位于哪个地级市？', en: 'In which prefecture city is the enterprise?' },
  'location.district': { zh: '企业位于哪个区或县？', en: 'In which district or county is the enterprise?' },
  'location.watersheds': {
    zh: '企业位于哪些重点流域（淡水河、石马河、广佛跨界河、茅洲河、练江、小东江）？',
    en: 'In which key watersheds does the enterprise lie: the Danshui, Shima, Guangzhou–Foshan cross-boundary, Maozhou, Lianjiang or Xiaodong rivers?',
  },
  'location.inKeyWatershed': {
    zh: '企业是否位于主管部门划定的重点流域内？',
    en: 'Does the enterprise lie in a key watershed (重点流域) designated by the authorities?',
  },
  'location.park.inPark': { zh: '企业是否位于工业园区或产业基地内？', en: 'Is the enterprise located in an industrial park or base?' },
  'location.park.entering': {
    zh: '企业是否正在申请入园或迁入工业园区？',
    en: 'Is the enterprise applying to enter, or moving into, an industrial park (入园)?',
  },
  'location.park.level': {
    zh: '企业所在园区是哪一级（国家级、省级、市级或县级）？',
    en: "What is the level of the enterprise's park: national, provincial, municipal or county?",
  },
  'location.park.specialized': { zh: '企业所在园区是哪个行业的专业园区？', en: "Which industry is the enterprise's park specialised in?" },

  // industry
  'industry.codes': {
    zh: '企业的国民经济行业分类代码（GB/T 4754-2017）是哪些？',
    en: "What are the enterprise's industry codes under GB/T 4754-2017 (2 to 4 digits)?",
  },
  'industry.keys': { zh: '企业属于哪些行业？', en: 'Which industries is the enterprise in?' },

  // size
  'size.annualRevenue': { zh: '企业年主营业务收入是多少万元？', en: "What is the enterprise's annual main-business revenue, in 10,000 yuan (万元)?" },
  'size.employees': { zh: '企业有多少从业人员？', en: 'How many people does the enterprise employ?' },
  'size.aboveDesignatedSize': {
    zh: '企业是否为年主营业务收入2000万元及以上的规模以上企业？',
    en: 'Is the enterprise above designated size (规模以上), with annual main-business revenue of 20 million yuan or more?',
  },
  'size.industryLeader': {
    zh: '企业是否为本行业的龙头或排名靠前的企业？',
    en: 'Is the enterprise among the leading enterprises of its industry (行业龙头)?',
  },
  'size.largeGroup': { zh: '企业是否为大型企业集团或其成员企业？', en: 'Is the enterprise a large enterprise group (大型企业集团), or a member of one?' },

  // ownership
  'ownership.centralSOE': { zh: '企业是否属于中央企业？', en: 'Does the enterprise belong to a central state-owned enterprise group (中央企业)?' },
  'ownership.stateOwned': {
    zh: '企业是否为国有企业（含中央和地方国有企业）？',
    en: 'Is the enterprise a state-owned enterprise (国有企业), central or local?',
  },
  'ownership.municipalSOE': { zh: '企业是否为市属国有企业？', en: 'Is the enterprise a state-owned enterprise of the city (市属国企)?' },
  'ownership.hongKongInvested': { zh: '企业是否为港资企业？', en: 'Is the enterprise Hong Kong-invested (港资企业)?' },

  // energy
  'energy.annualConsumptionTce': {
    zh: '企业年综合能源消费量是多少吨标准煤？',
    en: "What is the enterprise's annual comprehensive energy consumption, in tonnes of standard coal (tce)?",
  },
  'energy.exceedsConsumptionQuota': {
    zh: '企业是否超过单位产品能源消耗限额标准？',
    en: 'Does the enterprise exceed the energy-consumption quota per unit of product (单位产品能源消耗限额)?',
  },
  'energy.keyEnergyUser': { zh: '企业是否为重点用能单位（重点耗能企业）？', en: 'Is the enterprise a key energy-using unit (重点用能单位)?' },
  'energy.highWaterUse': { zh: '企业是否属于高耗水企业？', en: 'Is the enterprise a high water user (高耗水)?' },

  // environment
  'environment.exceedsDischargeStandard': {
    zh: '企业污染物排放是否超过国家或地方规定的排放标准？',
    en: 'Does the enterprise discharge pollutants above the national or local discharge standard (超标)?',
  },
  'environment.exceedsTotalQuota': {
    zh: '企业污染物排放是否超过（重点）污染物排放总量控制指标？',
    en: "Does the enterprise's discharge exceed its total-discharge control quota for (key) pollutants (超总量)?",
  },
  'environment.usesToxicRawMaterials': {
    zh: '企业是否使用有毒、有害原料进行生产？',
    en: 'Does the enterprise use toxic or hazardous raw materials in production?',
  },
  'environment.dischargesToxicSubstances': {
    zh: '企业是否在生产中排放有毒、有害物质？',
    en: 'Does the enterprise discharge toxic or hazardous substances in production?',
  },
  'environment.priorityControlChemicals': {
    zh: '企业生产、使用或排放哪些列入优先控制化学品名录的物质？',
    en: 'Which substances on the priority-control chemicals list (优先控制化学品名录) does the enterprise produce, use or discharge?',
  },
  'environment.heavyMetals': { zh: '企业是否排放重金属污染物？', en: 'Does the enterprise emit heavy-metal pollutants (重金属)?' },
  'environment.highEmission': { zh: '企业是否属于高排放的污染企业？', en: 'Is the enterprise a high-emission (高排放), polluting enterprise?' },
  'environment.onUnmetTargetsList': {
    zh: '企业是否被列入省级公布的未达到能源消耗控制指标或重点污染物排放控制指标的企业名单？',
    en: 'Is the enterprise on the provincial list of enterprises not meeting their energy-consumption or key-pollutant control targets?',
  },
  'environment.utilizesWaste': {
    zh: '企业是否利用废物生产产品或从废物中回收原料？',
    en: 'Does the enterprise make products from waste, or recover raw materials from waste?',
  },
  'environment.circularEconomyPilot': { zh: '企业是否为循环经济试点单位？', en: 'Is the enterprise a circular-economy pilot unit (循环经济试点单位)?' },
  'environment.reducedDischargeByCP': {
    zh: '企业是否已通过清洁生产措施减少污染物排放？',
    en: 'Has the enterprise reduced its pollutant discharge through cleaner-production measures?',
  },
  'environment.keyMonitoring.energy': {
    zh: '企业是否被列入国家、省或市的能源重点监控名单？',
    en: 'Is the enterprise on a national, provincial or municipal energy key-monitoring list?',
  },
  'environment.keyMonitoring.environment': { zh: '企业是否被列入环境重点监控名单？', en: 'Is the enterprise on an environmental key-monitoring list?' },

  // process
  'process.simple': { zh: '企业的生产工艺是否简单？', en: "Is the enterprise's production process simple (生产工艺简单)?" },
  'process.lowImpact': { zh: '企业生产的环境影响是否较小？', en: "Is the environmental impact of the enterprise's production small (环境影响较小)?" },
  'process.obsoleteEquipment': {
    zh: '企业是否使用列入限期淘汰目录的高耗能或不合规设备、工艺或产品？',
    en: 'Does the enterprise use high-energy or non-compliant equipment, processes or products on a published phase-out list (限期淘汰目录)?',
  },

  // audit
  'audit.mandatoryListed.listed': {
    zh: '企业是否被列入公布的强制性清洁生产审核名单？',
    en: 'Is the enterprise on a published mandatory cleaner-production audit list (审核名单)?',
  },
  'audit.mandatoryListed.listedOn': {
    zh: '企业是哪一天被列入强制性清洁生产审核名单的？',
    en: 'On what date was the enterprise put on the mandatory cleaner-production audit list?',
  },
  'audit.mandatoryListed.deadline': {
    zh: '审核名单要求企业在哪一天之前完成清洁生产审核？',
    en: 'By what date does the audit list require the enterprise to complete its cleaner-production audit?',
  },
  'audit.lastCompleted': {
    zh: '企业上一轮清洁生产审核是哪一天完成的？',
    en: 'On what date did the enterprise last complete a cleaner-production audit?',
  },
  'audit.rounds': {
    zh: '企业历次清洁生产审核分别在哪一天完成、哪一天通过评估验收？',
    en: "When did each of the enterprise's cleaner-production audits finish, and when did each pass acceptance (评估验收)?",
  },
  'audit.accepted': {
    zh: '企业上一轮清洁生产审核是否已通过评估验收？',
    en: "Did the enterprise's last cleaner-production audit pass assessment and acceptance (评估验收)?",
  },
  'audit.completedOnTime': {
    zh: '企业是否按时或提前完成了清洁生产审核？',
    en: 'Did the enterprise complete its cleaner-production audit on time or early?',
  },
  'audit.certified': {
    zh: '企业是否通过了符合审核要求的清洁生产评价认证？',
    en: 'Has the enterprise passed a cleaner-production evaluation certification that meets the audit requirements?',
  },
  'audit.voluntary': {
    zh: '企业上一轮清洁生产审核是否为未列入强制性审核名单的自愿审核？',
    en: "Was the enterprise's last cleaner-production audit voluntary, rather than required by a mandatory list?",
  },
  'audit.voluntaryAgreement': {
    zh: '企业是否签订了节约资源、削减污染物排放量的自愿协议？',
    en: 'Has the enterprise signed a voluntary agreement to save resources and reduce pollutant discharge?',
  },
  'audit.notableResults': {
    zh: '企业是否在清洁生产方面取得显著成绩？',
    en: 'Has the enterprise made notable achievements in cleaner production (显著成绩)?',
  },
  'audit.acceptanceRequired': {
    zh: '按国家规定，企业的清洁生产审核是否须经验收？',
    en: "Must the enterprise's cleaner-production audit be accepted (验收) under national rules?",
  },
  'audit.appliesForMunicipalTitle': {
    zh: '企业是否申请市级清洁生产企业称号？',
    en: 'Is the enterprise applying for a municipal cleaner-production enterprise title (市级清洁生产企业称号)?',
  },
  'audit.leadingLevel': {
    zh: '企业是否高质量完成审核且清洁生产水平达到国内或省内领先？',
    en: 'Did the enterprise complete its audit with high quality and reach a cleaner-production level leading in China or the province (国内/省内领先)?',
  },

  titles: {
    zh: '企业获得过哪些清洁生产称号，分别在何时获得、是否已被撤销？',
    en: 'Which cleaner-production titles has the enterprise been awarded, when, and has any been revoked?',
  },
  trainedAuditStaff: { zh: '企业有多少名员工接受过清洁生产审核培训？', en: "How many of the enterprise's staff are trained in cleaner-production audits?" },

  // conduct
  'conduct.majorEnvironmentalAccident': { zh: '企业是否发生过重大环境事故？', en: 'Has the enterprise had a major environmental accident?' },
  'conduct.illegalDischarge': { zh: '企业是否有偷排、超排行为？', en: 'Has the enterprise discharged secretly or above its limits (偷排超排)?' },
  'conduct.refusedOrDelayedAudit': {
    zh: '企业是否无特殊理由拒绝或拖延开展清洁生产审核？',
    en: 'Has the enterprise refused or delayed its cleaner-production audit without special reason?',
  },
  'conduct.falsifiedAudit': {
    zh: '企业在清洁生产审核中是否弄虚作假？',
    en: 'Has the enterprise falsified anything in its cleaner-production audit (弄虚作假)?',
  },
  'conduct.misreportedAudit': {
    zh: '企业是否未报告或未如实报告清洁生产审核结果？',
    en: 'Has the enterprise failed to report, or to report truthfully, its cleaner-production audit results?',
  },
  'conduct.refusedRectification': {
    zh: '企业是否在被责令限期改正后拒不改正？',
    en: 'Has the enterprise refused to correct after being ordered to correct within a time limit?',
  },
  'conduct.failedToPublish': {
    zh: '企业是否未按规定公布能源消耗或重点污染物排放情况？',
    en: 'Has the enterprise failed to publish its energy-consumption or key-pollutant data as required?',
  },
  'conduct.penalizedUnderCPPL': {
    zh: '企业是否曾依据《清洁生产促进法》受到处罚？',
    en: 'Has the enterprise been penalised under the Cleaner Production Promotion Law?',
  },
  'conduct.materialsNotMarked': {
    zh: '企业是否未标注或未如实标注产品材料成分？',
    en: 'Has the enterprise failed to mark, or to mark truthfully, the material composition of its products?',
  },
  'conduct.toxicBuildingMaterials': {
    zh: '企业是否生产、销售或使用有毒有害物质超过国家标准的建筑和装修材料？',
    en: 'Has the enterprise produced, sold or used building or decoration materials whose toxic or hazardous substances exceed the national standard?',
  },

  // finance
  'finance.resourceUtilizationTaxRelief': {
    zh: '企业是否享受或申请资源综合利用税收优惠？',
    en: 'Does the enterprise claim, or apply for, resource-utilisation tax relief?',
  },
  'finance.thirdPartyPollutionControl': { zh: '企业是否为第三方污染治理企业？', en: 'Is the enterprise a third-party pollution-control enterprise?' },
  'finance.sme': { zh: '企业是否为中小企业？', en: 'Is the enterprise a small or medium-sized enterprise?' },
  'finance.manufacturing': { zh: '企业是否为制造业工业企业？', en: 'Is the enterprise a manufacturing industrial enterprise?' },
  'finance.greenLowCarbonProducts': {
    zh: '企业是否提供可纳入政府绿色采购的绿色低碳产品？',
    en: 'Does the enterprise supply green or low-carbon products (绿色低碳产品) eligible for government green procurement?',
  },
  'finance.ecoDesignedProducts': { zh: '企业是否生产生态设计产品？', en: 'Does the enterprise make eco-designed products (生态设计产品)?' },

  // project
  'project.kind': {
    zh: '企业的建设项目属于新建、改扩建还是技术改造？',
    en: "Is the enterprise's project new construction, an expansion or a technical upgrade?",
  },
  'project.twoHigh': {
    zh: '企业的建设项目是否属于高耗能、高排放的“两高”项目？',
    en: "Is the enterprise's project a high-energy, high-emission project (两高)?",
  },
  'project.changesNatureOrScale': {
    zh: '企业的建设项目是否改变生产性质或生产规模？',
    en: "Does the enterprise's project change the nature or the scale of its production?",
  },
  'project.addsPollutants': {
    zh: '企业的建设项目是否增加污染物排放量或新增污染物种类？',
    en: "Does the enterprise's project increase pollutant discharge or add kinds of pollutant?",
  },
  'project.keyTechUpgrade': {
    zh: '企业的项目是否为国家清洁生产重点技术改造项目或自愿协议确定的技术改造项目？',
    en: "Is the enterprise's project a national key cleaner-production technical upgrade, or one set out in a voluntary agreement?",
  },
  'project.failsAdmissionRequirements': {
    zh: '企业的建设项目是否不符合能耗强度和总量控制、煤炭替代、区域削减或能效准入值等准入要求？',
    en: "Does the enterprise's project fail its admission requirements, such as energy-intensity and total controls, coal substitution, regional emission reduction or energy-efficiency access values?",
  },
  'project.cleanerProductionTech': {
    zh: '企业的项目是否为符合国家产业政策的清洁生产技术改造、技术开发或产业化应用项目？',
    en: "Is the enterprise's project a cleaner-production technology project (technical upgrade, development or industrial application) in line with national industrial policy?",
  },
};
