import { type FieldText, field } from './text.ts';

/** Labels and hints of the profile's audit history, titles, trained staff and conduct fields. */
export const AUDIT_FIELDS: Readonly<Record<string, FieldText>> = {
  audit: field('审核历史', 'Audit history'),
  'audit.mandatoryListed': field('强制性审核名单', 'Mandatory-audit list', [
    '已公布的强制性清洁生产审核名单，含列入日期和完成期限',
    'a published mandatory-audit list, with the listing date and the deadline',
  ]),
  'audit.mandatoryListed.listed': field('已列入审核名单', 'On the published audit list', [
    '选“否”表示未列入；只填日期也视为已列入',
    'choose “no” if not listed; a date given alone also means listed',
  ]),
  'audit.mandatoryListed.listedOn': field('列入名单日期', 'Listed on'),
  'audit.mandatoryListed.deadline': field('名单规定的完成期限', 'Deadline set by the list', [
    '名单要求完成审核的日期',
    'the date by which the list requires the audit',
  ]),
  'audit.lastCompleted': field('上一轮清洁生产审核', 'Last cleaner-production audit', [
    '上一轮审核完成的日期，或从未审核',
    'the date the last audit round was completed, or never audited',
  ]),
  'audit.rounds': field('历次清洁生产审核', 'Audit history (every round)', [
    '每一轮已完成的审核；评估日期之后的审核不计入',
    'every audit round completed; rounds after the assessment date are not counted',
  ]),
  'audit.rounds.completedOn': field('完成日期', 'Completed on'),
  'audit.rounds.acceptedOn': field('通过验收日期', 'Accepted on', ['不早于完成日期', 'on or after the date it was completed']),
  'audit.accepted': field('上一轮审核已通过评估验收', 'Last audit passed acceptance'),
  'audit.completedOnTime': field('按时或提前完成审核（按审核日期无法判断时采用）', 'Audit completed on time (used where the audit dates cannot tell)', [
    '与审核日期矛盾时以日期为准，并给出提示',
    'where the audit dates decide, they prevail and the answer warns of the conflict',
  ]),
  'audit.certified': field('通过符合审核要求的清洁生产评价认证', 'Passed a cleaner-production certification', [
    '该认证符合清洁生产审核的要求',
    'a cleaner-production evaluation certification that meets the audit requirements',
  ]),
  'audit.voluntary': field('上一轮审核为自愿审核', 'Last audit was voluntary', [
    '并非因列入强制性审核名单而开展',
    'not carried out because of a mandatory list',
  ]),
  'audit.voluntaryAgreement': field('已签订自愿节约资源、削减排放协议', 'Signed a voluntary saving and reduction agreement', [
    '《清洁生产促进法》2012年修正第二十八条',
    'Article 28 of the Cleaner Production Promotion Law (2012)',
  ]),
  'audit.notableResults': field('清洁生产成效显著', 'Notable cleaner-production results', [
    '在清洁生产工作中取得显著成绩',
    'made notable achievements in cleaner production',
  ]),
  'audit.acceptanceRequired': field('按国家规定审核须验收', 'Audit must be accepted under national rules'),
  'audit.appliesForMunicipalTitle': field('申请市级清洁生产企业称号', 'Applies for the municipal title', [
    '市级清洁生产企业称号',
    'the municipal cleaner-production enterprise title',
  ]),
  'audit.leadingLevel': field('审核质量高、清洁生产水平国内或省内领先', 'Leading cleaner-production level', [
    '审核质量高，清洁生产水平在国内或省内领先',
    'audit of high quality, with a cleaner-production level leading in China or the province',
  ]),

  titles: field('清洁生产称号', 'Cleaner-production titles', [
    '已获得的清洁生产称号；被撤销的也请列出',
    'the cleaner-production titles awarded; list revoked ones too',
  ]),
  'titles.kind': field('称号', 'Title'),
  'titles.awardedOn': field('授予日期', 'Awarded on'),
  'titles.revoked': field('已被撤销', 'Revoked', ['未撤销的称号视为持有', 'a title not revoked is held']),
  trainedAuditStaff: field('受过清洁生产审核培训的员工人数', 'Staff trained in cleaner-production audits'),

  conduct: field('企业行为', 'Conduct'),
  'conduct.majorEnvironmentalAccident': field('发生重大环境事故', 'Major environmental accident', [
    '发生过重大环境污染事故',
    'had a major environmental pollution accident',
  ]),
  'conduct.illegalDischarge': field('偷排超排', 'Illegal or excess discharge', [
    '偷排污染物或超标排放',
    'discharged pollutants secretly or above the standard',
  ]),
  'conduct.refusedOrDelayedAudit': field('无故拒绝或拖延审核', 'Refused or delayed the audit', [
    '无特殊原因拒绝或拖延开展审核',
    'refused or delayed the audit without special reason',
  ]),
  'conduct.falsifiedAudit': field('审核中弄虚作假', 'Falsified the audit'),
  'conduct.misreportedAudit': field('未报告或未如实报告审核结果', 'Did not (truthfully) report audit results'),
  'conduct.refusedRectification': field('责令限期改正后拒不改正', 'Refused to correct after an order', [
    '被责令限期改正后拒不改正',
    'refused to correct after an order to correct within a time limit',
  ]),
  'conduct.failedToPublish': field('未按规定公布能耗或污染物数据', 'Did not publish energy or pollutant data', [
    '未按规定公布能源消耗或重点污染物排放数据',
    'did not publish energy-use or key-pollutant data as required',
  ]),
  'conduct.penalizedUnderCPPL': field('曾依《清洁生产促进法》受处罚', 'Penalised under the Cleaner Production Promotion Law'),
  'conduct.materialsNotMarked': field('未标注或未如实标注产品材料成分', 'Did not (truthfully) mark product material composition', [
    '未在产品上标注或未如实标注材料成分',
    'did not mark, or did not truthfully mark, the material composition on its products',
  ]),
  'conduct.toxicBuildingMaterials': field(
    '生产、销售或使用有毒有害物质超标的建筑装修材料',
    'Produced, sold or used building materials above the toxic-substance standard',
    ['有毒有害物质含量超过国家标准的建筑和装修材料', 'building or decoration materials whose toxic or hazardous substances exceed the national standard'],
  ),
};
