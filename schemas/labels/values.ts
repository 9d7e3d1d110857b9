import { ENUMERATED_DISTRICTS, GUANGDONG_CITIES, WATERSHEDS } from '../geography.ts';
import { INDUSTRIES } from '../industries.ts';
import type { AUDIT_OUTCOMES, ACCEPTANCE_OUTCOMES } from '../ruleset.ts';
import type { DUTY_STATES, RULESET_STATUSES } from '../answer.ts';
import type { PARK_LEVELS, PROJECT_KINDS, SECTORS, TITLE_KINDS } from '../profile.ts';
import { type Names, pinyinName } from './text.ts';

type Table<K extends string> = Readonly<Record<K, Names>>;
const table = <K extends string>(entries: Record<K, readonly [zh: string, en: string]>): Table<K> =>
  Object.fromEntries(Object.entries<readonly [string, string]>(entries).map(([k, [zh, en]]) => [k, { zh, en }])) as Table<K>;

/** Industry key → its names (schemas/industries.ts). */
export const INDUSTRY_NAMES: Readonly<Record<string, Names>> = Object.fromEntries(Object.entries(INDUSTRIES).map(([k, v]) => [k, { zh: v.zh, en: v.en }]));

/** Guangdong's prefecture cities (schemas/geography.ts); the English name is the pinyin. */
export const CITY_NAMES: Readonly<Record<string, Names>> = Object.fromEntries(
  Object.entries(GUANGDONG_CITIES).map(([k, zh]) => [k, { zh, en: pinyinName(k) }]),
);

/** City → the districts the contract enumerates for it, with their names. */
export const DISTRICT_NAMES: Readonly<Record<string, Readonly<Record<string, Names>>>> = Object.fromEntries(
  Object.entries(ENUMERATED_DISTRICTS).map(([city, districts]) => [
    city,
    Object.fromEntries(Object.entries(districts).map(([k, zh]) => [k, { zh, en: pinyinName(k) }])),
  ]),
);

const WATERSHED_EN: Record<keyof typeof WATERSHEDS, string> = {
  danshui: 'Danshui River',
  shima: 'Shima River',
  'guangfo-cross-boundary': 'Guangzhou–Foshan cross-boundary rivers',
  maozhou: 'Maozhou River',
  lianjiang: 'Lianjiang River',
  xiaodong: 'Xiaodong River',
};
export const WATERSHED_NAMES: Table<keyof typeof WATERSHEDS> = Object.fromEntries(
  Object.entries(WATERSHEDS).map(([k, zh]) => [k, { zh, en: WATERSHED_EN[k as keyof typeof WATERSHEDS] }]),
) as Table<keyof typeof WATERSHEDS>;

export const SECTOR_NAMES = table<(typeof SECTORS)[number]>({
  industry: ['工业', 'industry'],
  agriculture: ['农业', 'agriculture'],
  services: ['服务业', 'services'],
  construction: ['建筑业', 'construction'],
  transport: ['交通运输', 'transport'],
  'public-institution': ['公共机构', 'public institution'],
});

export const TITLE_KIND_NAMES = table<(typeof TITLE_KINDS)[number]>({
  'guangdong-cp-enterprise': ['广东省清洁生产企业', 'Guangdong cleaner-production enterprise'],
  'foshan-cp-enterprise': ['佛山市清洁生产企业', 'Foshan cleaner-production enterprise'],
  'cp-demonstration': ['清洁生产示范企业', 'cleaner-production demonstration enterprise'],
  'guangdong-cp-benchmark': ['广东省清洁生产标杆企业', 'Guangdong cleaner-production benchmark enterprise'],
});

export const PARK_LEVEL_NAMES = table<(typeof PARK_LEVELS)[number]>({
  national: ['国家级', 'national'],
  provincial: ['省级', 'provincial'],
  municipal: ['市级', 'municipal'],
  county: ['县级', 'county'],
});

export const PROJECT_KIND_NAMES = table<(typeof PROJECT_KINDS)[number]>({
  new: ['新建', 'new'],
  expansion: ['改建、扩建', 'expansion'],
  'technical-upgrade': ['技术改造', 'technical upgrade'],
});

/** The answer's enumerated values (summary.audit.status, process route and acceptance, rule-set status, duty state). */
export const ANSWER_VALUE_NAMES = {
  auditStatus: table<(typeof AUDIT_OUTCOMES)[number]>({
    mandatory: ['须实施强制性清洁生产审核', 'Mandatory cleaner-production audit'],
    required: ['须按规划完成清洁生产审核', 'Audit required by a plan'],
    'deemed-done': ['视同已完成审核', 'Audit deemed done'],
    encouraged: ['鼓励自愿开展审核', 'Audit encouraged (voluntary)'],
    'not-required': ['无须审核', 'No audit required'],
  }),
  route: table<'simplified' | 'standard' | 'undetermined'>({
    simplified: ['简化审核流程', 'Simplified route'],
    standard: ['标准审核流程', 'Standard route'],
    undetermined: ['尚不能确定', 'Undetermined'],
  }),
  acceptance: table<(typeof ACCEPTANCE_OUTCOMES)[number]>({
    filing: ['报送备案', 'filing with the city'],
    'municipal-acceptance': ['市级验收', 'municipal acceptance'],
    'provincial-title-acceptance': ['省级称号验收', 'provincial title acceptance'],
  }),
  rulesetStatus: table<(typeof RULESET_STATUSES)[number]>({
    'in-force': ['有效', 'in force'],
    expired: ['已失效', 'expired'],
    'not-yet-in-force': ['尚未生效', 'not yet in force'],
    'not-applicable': ['不适用', 'not applicable'],
  }),
  dutyState: table<(typeof DUTY_STATES)[number]>({
    met: ['已完成', 'met'],
    pending: ['未到期、尚未完成', 'not yet due, not yet met'],
    overdue: ['已逾期', 'overdue'],
    missed: ['已错过期限', 'missed'],
    undetermined: ['无法确定', 'cannot tell'],
  }),
} as const;

/** Short labels of the derived facts (rules/derived-facts.yaml, which gives each a longer description). */
export const DERIVED_FACT_NAMES: Readonly<Record<string, Names>> = table({
  aboveDesignatedSize: ['规模以上企业', 'Above designated size'],
  yearsSinceLastAudit: ['距上一轮审核的整年数', 'Whole years since the last audit'],
  industryKeys: ['所属行业（含上级行业）', 'Industries (with their parent industries)'],
  titlesHeld: ['持有的称号', 'Titles held'],
  titlesRevoked: ['被撤销的称号', 'Titles revoked'],
  inGuangdong: ['位于广东省', 'In Guangdong'],
  auditLate: ['审核逾期', 'Audit late'],
  auditOnTime: ['按期完成审核', 'Audit completed on time'],
  listedAuditLate: ['未在名单期限内完成审核', 'Listed audit not completed by the deadline'],
});
