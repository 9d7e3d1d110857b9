import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Literals, Opt, Strict } from './common.ts';
import { ENUMERATED_DISTRICTS, GUANGDONG_CITY_KEYS, WATERSHED_KEYS } from './geography.ts';
import { INDUSTRY_KEYS } from './industries.ts';

const Bool = (description: string) => Opt(Type.Boolean({ description }));
const Pinyin = (description: string) => Type.String({ pattern: '^[a-z][a-z-]*$', maxLength: 40, description });
const NonNegative = (description: string) => Opt(Type.Number({ minimum: 0, description }));

export const SECTORS = ['industry', 'agriculture', 'services', 'construction', 'transport', 'public-institution'] as const;
export const TITLE_KINDS = ['guangdong-cp-enterprise', 'foshan-cp-enterprise', 'cp-demonstration', 'guangdong-cp-benchmark'] as const;
export const PARK_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export const PROJECT_KINDS = ['new', 'expansion', 'technical-upgrade'] as const;

export const IndustryKeySchema = Literals(INDUSTRY_KEYS, 'an industry key of the contract');

const districtRule = (city: string, districts: readonly string[]) => ({
  if: { required: ['city'], properties: { city: { const: city } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
  then: { properties: { district: { enum: districts } } },
});

const Location = Type.Object(
  {
    province: Opt(Pinyin('province in lowercase pinyin, e.g. guangdong')),
    city: Opt(Pinyin('prefecture city in lowercase pinyin; in Guangdong one of the 21 prefecture cities')),
    district: Opt(Pinyin('district or county in lowercase pinyin')),
    watersheds: Opt(
      Type.Array(Literals(WATERSHED_KEYS), {
        uniqueItems: true,
        maxItems: WATERSHED_KEYS.length,
        description: 'key watersheds the enterprise lies in (2016 opinions)',
      }),
    ),
    inKeyWatershed: Bool(
      'located in a key watershed (重点流域) designated by the authorities, where the documents name none of the listed watersheds (e.g. Meizhou 2023 scheme)',
    ),
    park: Opt(
      Type.Object(
        {
          inPark: Bool('located in an industrial park or base'),
          entering: Bool('applying to enter, or moving into, an industrial park (入园)'),
          level: Opt(Literals(PARK_LEVELS, 'the park level')),
          specialized: Opt(IndustryKeySchema),
        },
        Strict,
      ),
    ),
  },
  {
    ...Strict,
    allOf: [
      {
        // In Guangdong (or where the province is not given) the city must be one of the 21 prefecture cities.
        if: { required: ['province'], properties: { province: { not: { const: 'guangdong' } } } },
        else: { properties: { city: { enum: GUANGDONG_CITY_KEYS } } },
      },
      districtRule('foshan', Object.keys(ENUMERATED_DISTRICTS.foshan)),
      districtRule('meizhou', Object.keys(ENUMERATED_DISTRICTS.meizhou)),
    ],
  },
);

export const ProfileSchema = Type.Object(
  {
    id: Opt(Type.String({ maxLength: 200, description: 'echoed back as profileId' })),
    name: Opt(Type.String({ maxLength: 500 })),
    sector: Opt(Literals(SECTORS, 'the sector the enterprise works in')),
    location: Opt(Location),
    industry: Opt(
      Type.Object(
        {
          codes: Opt(
            Type.Array(Type.String({ pattern: '^[0-9]{2,4}$', maxLength: 4, description: 'GB/T 4754-2017 code (2–4 digits)' }), {
              uniqueItems: true,
              maxItems: 50,
            }),
          ),
          keys: Opt(Type.Array(IndustryKeySchema, { uniqueItems: true, maxItems: 50 })),
        },
        Strict,
      ),
    ),
    size: Opt(
      Type.Object(
        {
          annualRevenue: NonNegative('annual main-business revenue in 万元'),
          employees: Opt(Type.Integer({ minimum: 0 })),
          aboveDesignatedSize: Bool('规模以上; derived from annualRevenue ≥ 2000 万元 when absent'),
          industryLeader: Bool('行业靠前 / 龙头: among the leading enterprises of its industry'),
          largeGroup: Bool('a large enterprise group, or an enterprise of one (大型企业集团)'),
        },
        Strict,
      ),
    ),
    ownership: Opt(
      Type.Object(
        {
          centralSOE: Bool('an enterprise of a central state-owned enterprise group (中央企业)'),
          stateOwned: Bool('a state-owned enterprise (国有企业), central or local'),
          municipalSOE: Bool('a state-owned enterprise of the city (市属国企)'),
          hongKongInvested: Bool('a Hong Kong-invested enterprise (港资企业)'),
        },
        Strict,
      ),
    ),
    energy: Opt(
      Type.Object(
        {
          annualConsumptionTce: NonNegative('annual comprehensive energy consumption, tonnes of standard coal'),
          exceedsConsumptionQuota: Bool('超过单位产品能源消耗限额标准'),
          keyEnergyUser: Bool('重点用能单位 / 重点耗能企业'),
          highWaterUse: Bool('高耗水'),
        },
        Strict,
      ),
    ),
    environment: Opt(
      Type.Object(
        {
          exceedsDischargeStandard: Bool('污染物排放超过国家或者地方规定的排放标准 (超标)'),
          exceedsTotalQuota: Bool('超过(重点)污染物排放总量控制指标 (超总量)'),
          usesToxicRawMaterials: Bool('使用有毒、有害原料进行生产'),
          dischargesToxicSubstances: Bool('在生产中排放有毒、有害物质'),
          priorityControlChemicals: Opt(
            Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
              maxItems: 100,
              description: 'substances on the priority-control chemicals list it produces, uses or discharges',
            }),
          ),
          heavyMetals: Bool('emits heavy-metal pollutants (重金属)'),
          highEmission: Bool('高排放 / a polluting enterprise in the documents’ sense'),
          onUnmetTargetsList: Bool('on the provincial list of enterprises not meeting energy or key-pollutant control targets (CPPL 2012 Art. 17)'),
          utilizesWaste: Bool('uses waste, or recovers raw materials from waste, to make products'),
          circularEconomyPilot: Bool('a circular-economy pilot unit (循环经济试点单位)'),
          reducedDischargeByCP: Bool('has reduced its pollutant discharge through cleaner-production measures (通过清洁生产措施减少污染物排放)'),
          keyMonitoring: Opt(
            Type.Object(
              { energy: Bool('on a national/provincial/municipal energy key-monitoring list'), environment: Bool('on an environmental key-monitoring list') },
              Strict,
            ),
          ),
        },
        Strict,
      ),
    ),
    process: Opt(
      Type.Object(
        {
          simple: Bool('生产工艺简单'),
          lowImpact: Bool('环境影响较小/较少'),
          obsoleteEquipment: Bool(
            'uses equipment, processes or products on a published list of high-energy or non-compliant ones to be phased out (限期淘汰目录)',
          ),
        },
        Strict,
      ),
    ),
    audit: Opt(
      Type.Object(
        {
          mandatoryListed: Opt(
            Type.Object(
              {
                listed: Bool('false = not on a published audit list (纳入审核名单); an object without listed: false means listed'),
                listedOn: Opt(IsoDate),
                deadline: Opt(IsoDate),
              },
              { ...Strict, description: 'present = on a published mandatory-audit list (with its listing date and deadline); { listed: false } = not listed' },
            ),
          ),
          lastCompleted: Opt(
            Type.Union([IsoDate, Type.Null()], {
              description: 'date the last audit round was completed; null = never audited. With `rounds`, it must be their latest completedOn',
            }),
          ),
          rounds: Opt(
            Type.Array(
              Type.Object(
                {
                  completedOn: IsoDate,
                  acceptedOn: Opt(
                    Type.String({ format: 'date', description: 'date the round passed assessment/acceptance (评估验收), on or after completedOn' }),
                  ),
                },
                Strict,
              ),
              {
                maxItems: 100,
                description:
                  'the complete audit history: every audit round completed, in any order ([] = never audited). lastCompleted, when given, is its latest. Rounds after the evaluation date are ignored for that date (warning audit-after-asof).',
              },
            ),
          ),
          accepted: Bool('the last audit passed assessment/acceptance (评估验收)'),
          completedOnTime: Bool(
            'an explicit statement that the enterprise completed its audit on time or early (false = late). The engine derives lateness from the audit duties and the audit dates; this value is used only where the dates leave it open, and a contradiction is warned about (completed-on-time-conflict)',
          ),
          certified: Bool('passed a cleaner-production evaluation certification that meets audit requirements'),
          voluntary: Bool('the last audit was voluntary (not on a mandatory list)'),
          voluntaryAgreement: Bool('signed a voluntary resource-saving / emission-reduction agreement (CPPL 2012 Art. 28)'),
          notableResults: Bool('made notable achievements in cleaner production (显著成绩 / 审核成效显著)'),
          acceptanceRequired: Bool('its audit must be accepted (验收) under national rules'),
          appliesForMunicipalTitle: Bool('applies for a municipal cleaner-production enterprise title (市级清洁生产企业称号)'),
          leadingLevel: Bool('audit completed with high quality and a cleaner-production level leading in China or the province (国内/省内领先)'),
        },
        Strict,
      ),
    ),
    titles: Opt(
      Type.Array(
        Type.Object(
          {
            kind: Literals(TITLE_KINDS, 'the title'),
            awardedOn: Opt(IsoDate),
            revoked: Opt(Type.Boolean({ description: 'default false: a title listed is held' })),
          },
          Strict,
        ),
        { maxItems: 20 },
      ),
    ),
    trainedAuditStaff: Opt(Type.Integer({ minimum: 0, description: 'number of staff with cleaner-production audit training' })),
    conduct: Opt(
      Type.Object(
        {
          majorEnvironmentalAccident: Bool('had a major environmental accident'),
          illegalDischarge: Bool('偷排超排'),
          refusedOrDelayedAudit: Bool('refused or delayed the audit without special reason'),
          falsifiedAudit: Bool('falsified (弄虚作假) in the audit'),
          misreportedAudit: Bool('did not report, or did not truthfully report, the audit results'),
          refusedRectification: Bool('refused to correct after an order to correct within a time limit'),
          failedToPublish: Bool('did not publish energy or key-pollutant data as required'),
          penalizedUnderCPPL: Bool('penalised under the Cleaner Production Promotion Law'),
          materialsNotMarked: Bool('did not mark, or did not truthfully mark, the material composition on its products (未标注或不如实标注产品材料成分)'),
          toxicBuildingMaterials: Bool(
            'produced, sold or used building or decoration materials whose toxic or hazardous substances exceed the national standard',
          ),
        },
        Strict,
      ),
    ),
    finance: Opt(
      Type.Object(
        {
          resourceUtilizationTaxRelief: Bool('claims, or applies for, resource-utilisation tax relief'),
          thirdPartyPollutionControl: Bool('a third-party pollution-control enterprise'),
          sme: Bool('a small or medium-sized enterprise'),
          manufacturing: Bool('a manufacturing industrial enterprise'),
          greenLowCarbonProducts: Bool('supplies green / low-carbon products eligible for government green procurement (绿色低碳产品)'),
          ecoDesignedProducts: Bool('makes eco-designed products (生态设计产品)'),
        },
        Strict,
      ),
    ),
    project: Opt(
      Type.Object(
        {
          kind: Opt(Literals(PROJECT_KINDS, 'the project the enterprise is undertaking')),
          twoHigh: Bool('两高 project (high energy use, high emission)'),
          changesNatureOrScale: Bool('the project changes the nature or production scale'),
          addsPollutants: Bool('the project increases pollutant discharge or adds pollutant kinds'),
          keyTechUpgrade: Bool('a national cleaner-production key technical-upgrade project, or one set out in a voluntary agreement'),
          failsAdmissionRequirements: Bool(
            'the project does not meet its admission requirements (e.g. 两高: energy-intensity and total controls, coal substitution, regional emission reduction, energy-efficiency access value)',
          ),
          cleanerProductionTech: Bool(
            'a cleaner-production technology project (technical upgrade, technology development or industrial application) in line with national industrial policy',
          ),
        },
        Strict,
      ),
    ),
  },
  {
    ...Strict,
    $id: 'Profile',
    title: 'Enterprise profile',
    description: 'Unknown fields are rejected; missing facts make the rules that need them undetermined.',
  },
);
export type Profile = Static<typeof ProfileSchema>;

/** A reference to the registered Profile schema, typed as the profile. */
export const ProfileRef = Type.Unsafe<Profile>(Type.Ref('Profile'));
