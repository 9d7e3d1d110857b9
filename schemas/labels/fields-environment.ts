import { type FieldText, field } from './text.ts';

/** Labels and hints of the profile's environment, process, finance and project fields. */
export const ENVIRONMENT_FIELDS: Readonly<Record<string, FieldText>> = {
  environment: field('环境', 'Environment'),
  'environment.exceedsDischargeStandard': field('污染物排放超标', 'Discharges above the standard', [
    '污染物排放超过国家或者地方规定的排放标准',
    'pollutant discharge above the national or local discharge standard',
  ]),
  'environment.exceedsTotalQuota': field('超过污染物排放总量控制指标', 'Exceeds the total-discharge quota', [
    '超过（重点）污染物排放总量控制指标',
    'discharge above the total-quantity control quota for (key) pollutants',
  ]),
  'environment.usesToxicRawMaterials': field('使用有毒有害原料', 'Uses toxic raw materials', [
    '使用有毒、有害原料进行生产',
    'uses toxic or hazardous raw materials in production',
  ]),
  'environment.dischargesToxicSubstances': field('排放有毒有害物质', 'Discharges toxic substances', [
    '在生产中排放有毒、有害物质',
    'discharges toxic or hazardous substances in production',
  ]),
  'environment.priorityControlChemicals': field('涉及的优先控制化学品', 'Priority-control chemicals', [
    '企业生产、使用或排放的优先控制化学品名录所列物质',
    'substances on the priority-control chemicals list that it produces, uses or discharges',
  ]),
  'environment.heavyMetals': field('排放重金属污染物', 'Emits heavy metals'),
  'environment.highEmission': field('高排放 / 污染企业', 'High-emission (polluting) enterprise', [
    '文件所称的高排放企业或污染企业',
    "a high-emission or polluting enterprise in the documents' sense",
  ]),
  'environment.onUnmetTargetsList': field('列入未完成能源消耗或重点污染物控制指标企业名单', 'On the list of enterprises missing energy or pollutant targets', [
    '省级公布的名单（《清洁生产促进法》2012年修正第十七条）',
    'the provincial list under Article 17 of the Cleaner Production Promotion Law (2012)',
  ]),
  'environment.utilizesWaste': field('利用废物生产或回收原料', 'Uses waste or recovers materials from waste', [
    '利用废物生产产品，或从废物中回收原料',
    'uses waste, or recovers raw materials from waste, to make products',
  ]),
  'environment.circularEconomyPilot': field('循环经济试点单位', 'Circular-economy pilot unit'),
  'environment.reducedDischargeByCP': field('已通过清洁生产措施减少排放', 'Reduced discharge through cleaner production', [
    '通过清洁生产措施减少了污染物排放',
    'has reduced its pollutant discharge through cleaner-production measures',
  ]),
  'environment.keyMonitoring': field('重点监控名单', 'Key-monitoring lists'),
  'environment.keyMonitoring.energy': field('列入能源重点监控名单', 'On an energy key-monitoring list', [
    '国家、省或市的能源重点监控名单',
    'a national, provincial or municipal energy key-monitoring list',
  ]),
  'environment.keyMonitoring.environment': field('列入环境重点监控名单', 'On an environmental key-monitoring list', [
    '国家、省或市的环境重点监控名单',
    'a national, provincial or municipal environmental key-monitoring list',
  ]),

  process: field('生产工艺', 'Process'),
  'process.simple': field('生产工艺简单', 'Simple production process'),
  'process.lowImpact': field('环境影响较小', 'Low environmental impact', ['对环境的影响较小或较少', 'causes little environmental impact']),
  'process.obsoleteEquipment': field('使用列入限期淘汰目录的设备、工艺或产品', 'Uses equipment or processes listed for phasing out', [
    '使用已公布的限期淘汰目录所列高耗能或不合规的设备、工艺或产品',
    'uses equipment, processes or products on a published list of high-energy or non-compliant ones to be phased out',
  ]),

  finance: field('财税与金融', 'Finance'),
  'finance.resourceUtilizationTaxRelief': field('申请资源综合利用税收优惠', 'Claims resource-utilisation tax relief', [
    '享受或申请资源综合利用税收优惠',
    'claims, or applies for, tax relief for the comprehensive use of resources',
  ]),
  'finance.thirdPartyPollutionControl': field('第三方污染治理企业', 'Third-party pollution-control enterprise', [
    '为其他企业提供污染治理服务',
    'provides pollution control to other enterprises',
  ]),
  'finance.sme': field('中小企业', 'Small or medium-sized enterprise'),
  'finance.manufacturing': field('制造业工业企业', 'Manufacturing enterprise'),
  'finance.greenLowCarbonProducts': field('提供绿色低碳产品', 'Supplies green / low-carbon products', [
    '产品可纳入政府绿色采购',
    'products eligible for government green procurement',
  ]),
  'finance.ecoDesignedProducts': field('生产生态设计产品', 'Makes eco-designed products'),

  project: field('建设项目', 'Project'),
  'project.kind': field('建设项目类型', 'Project type', ['企业正在实施的建设项目', 'the project the enterprise is undertaking']),
  'project.twoHigh': field('“两高”项目', '“Two-high” project', ['高耗能、高排放项目', 'a high-energy, high-emission project']),
  'project.changesNatureOrScale': field('改变性质或生产规模', 'Changes nature or scale', [
    '项目改变生产性质或生产规模',
    'the project changes the nature or scale of production',
  ]),
  'project.addsPollutants': field('增加污染物排放或种类', 'Adds pollutants', [
    '项目增加污染物排放量或排放种类',
    'the project increases pollutant discharge or adds kinds of pollutant',
  ]),
  'project.keyTechUpgrade': field('国家清洁生产重点技术改造项目', 'Key cleaner-production technical upgrade', [
    '或自愿协议中约定的技术改造项目',
    'or a technical upgrade set out in a voluntary agreement',
  ]),
  'project.failsAdmissionRequirements': field('项目不符合准入要求', 'Fails admission requirements', [
    '例如“两高”项目的能耗强度和总量控制、煤炭替代、区域削减、能效准入值',
    'e.g. for a high-energy, high-emission project: energy intensity and total controls, coal substitution, regional emission cuts, the energy-efficiency entry value',
  ]),
  'project.cleanerProductionTech': field('清洁生产技术项目', 'Cleaner-production technology project', [
    '符合国家产业政策的技术改造、技术开发或产业化应用项目',
    'a technical upgrade, technology development or industrial application in line with national industrial policy',
  ]),
};
