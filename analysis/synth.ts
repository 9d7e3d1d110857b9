import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Profile } from '../schemas/index.ts';
import { addDays } from '../engine/dates.ts';
import { ENUMERATED_DISTRICTS, GUANGDONG_CITY_KEYS, INDUSTRIES } from '../schemas/index.ts';

type Rng = ReturnType<typeof xoroshiro128plus>;

/** Small helpers over a seeded generator: the same seed gives the same population, on every machine. */
class Draw {
  constructor(private readonly rng: Rng) {}
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  unit(): number {
    return this.int(0, 1_000_000 - 1) / 1_000_000;
  }
  chance(p: number): boolean {
    return this.unit() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.unit() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  normal(): number {
    const u = Math.max(this.unit(), 1e-9);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.unit());
  }
  date(fromYear: number, toYear: number): string {
    const y = this.int(fromYear, toYear);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
}

const CITY_WEIGHTS: readonly (readonly [string, number])[] = GUANGDONG_CITY_KEYS.map((c) => [
  c,
  (
    { foshan: 15, guangzhou: 12, shenzhen: 12, dongguan: 10, meizhou: 8, huizhou: 6, zhongshan: 5, jiangmen: 4, zhuhai: 3, shantou: 3, qingyuan: 3 } as Record<
      string,
      number
    >
  )[c] ?? 1.5,
]);
const MANUFACTURING = [
  'ceramics',
  'electroplating',
  'dyeing',
  'textiles',
  'papermaking',
  'chemicals',
  'home-appliances',
  'electronics',
  'metal-products',
  'equipment-manufacturing',
  'auto-parts',
  'food',
  'pharmaceuticals',
  'plastics-rubber-fibre',
  'wood-furniture',
  'cement',
  'glass',
  'lead-acid-batteries',
  'tanning',
  'steel',
  'nonferrous-rolling',
  'thermal-power',
  'packaging-printing',
  'new-materials',
  'brewing',
  'sugar',
] as const;
const FOSHAN_MIX = [
  'ceramics',
  'ceramics',
  'home-appliances',
  'metal-products',
  'nonferrous-rolling',
  'electroplating',
  'textiles',
  'wood-furniture',
  'sanitary-ware',
] as const;
const SERVICES = ['hotels', 'catering', 'retail', 'logistics', 'express-delivery', 'e-commerce'] as const;
const TOXIC_PRONE = new Set(['electroplating', 'dyeing', 'chemicals', 'tanning', 'lead-acid-batteries', 'pharmaceuticals', 'papermaking']);
const HEAVY_METAL = new Set(['electroplating', 'lead-acid-batteries', 'tanning', 'nonferrous-rolling']);
const CHEMICALS = ['镉及镉化合物', '汞及汞化合物', '六价铬化合物', '铅化合物', '甲醛', '二氯甲烷'];

/** A realistic, schema-valid synthetic enterprise; some facts are left out, as in real registers. */
function one(d: Draw, index: number): Profile {
  const p: Profile = { id: `synth-${String(index + 1).padStart(6, '0')}` };
  const sector = d.weighted([
    ['industry', 70],
    ['services', 15],
    ['agriculture', 5],
    ['construction', 5],
    ['transport', 4],
    ['public-institution', 1],
  ] as const);
  if (!d.chance(0.04)) p.sector = sector;
  if (d.chance(0.03)) {
    p.location = { province: d.pick(['hunan', 'jiangxi', 'fujian']), city: d.pick(['changsha', 'ganzhou', 'xiamen']) };
  } else {
    const city = d.weighted(CITY_WEIGHTS);
    const districts = (ENUMERATED_DISTRICTS as Record<string, Record<string, string>>)[city];
    p.location = { province: 'guangdong', city };
    if (districts) p.location.district = d.pick(Object.keys(districts));
    if (d.chance(0.08)) p.location.watersheds = [d.pick(['danshui', 'shima', 'guangfo-cross-boundary', 'maozhou', 'lianjiang', 'xiaodong'] as const)];
    if (sector === 'industry' && !d.chance(0.15))
      p.location.park = { inPark: d.chance(0.45), ...(d.chance(0.5) ? { level: d.pick(['national', 'provincial', 'municipal', 'county'] as const) } : {}) };
  }
  const key: string =
    sector === 'industry'
      ? p.location.city === 'foshan' && d.chance(0.6)
        ? d.pick(FOSHAN_MIX)
        : d.pick(MANUFACTURING)
      : sector === 'services'
        ? d.pick(SERVICES)
        : '';
  if (key) {
    const codes = (INDUSTRIES as Record<string, { codes: readonly string[] }>)[key]?.codes ?? [];
    const code = codes.find((c) => c.length === 4);
    if (code && d.chance(0.3)) p.industry = { codes: [code] };
    else if (!d.chance(0.05)) p.industry = { keys: [key as never] };
  }
  const revenue = Math.round(Math.exp(Math.log(3000) + 1.6 * d.normal()));
  if (!d.chance(0.06))
    p.size = {
      annualRevenue: revenue,
      employees: Math.max(1, Math.round(revenue / (40 + d.int(0, 60)))),
      ...(d.chance(0.1) ? { industryLeader: true } : d.chance(0.5) ? { industryLeader: false } : {}),
    };
  const tce = Math.round(revenue * (sector === 'industry' ? 0.2 + d.unit() * 2 : 0.05 * d.unit()));
  if (!d.chance(0.08)) {
    p.energy = {
      annualConsumptionTce: tce,
      exceedsConsumptionQuota: d.chance(key === 'ceramics' || key === 'cement' || key === 'steel' ? 0.2 : 0.05),
      keyEnergyUser: tce >= 10000 || d.chance(0.02),
      highWaterUse: d.chance(key === 'dyeing' || key === 'papermaking' ? 0.4 : 0.04),
    };
  }
  if (!d.chance(0.08)) {
    const toxic = TOXIC_PRONE.has(key);
    const env: NonNullable<Profile['environment']> = {
      exceedsDischargeStandard: d.chance(0.04),
      exceedsTotalQuota: d.chance(0.03),
      usesToxicRawMaterials: d.chance(toxic ? 0.6 : 0.05),
      dischargesToxicSubstances: d.chance(toxic ? 0.5 : 0.03),
      heavyMetals: HEAVY_METAL.has(key) ? !d.chance(0.1) : d.chance(0.01),
      highEmission: d.chance(toxic ? 0.35 : 0.06),
      onUnmetTargetsList: d.chance(0.02),
      utilizesWaste: d.chance(0.1),
    };
    if (env.usesToxicRawMaterials && d.chance(0.5)) env.priorityControlChemicals = [d.pick(CHEMICALS)];
    else if (d.chance(0.5)) env.priorityControlChemicals = [];
    if (d.chance(0.7)) env.keyMonitoring = { energy: tce >= 10000, environment: env.highEmission === true && d.chance(0.5) };
    p.environment = env;
  }
  if (d.chance(0.7)) {
    const simple = sector !== 'industry' ? d.chance(0.8) : d.chance(0.3);
    p.process = { simple, lowImpact: simple ? d.chance(0.8) : d.chance(0.2) };
  }
  if (!d.chance(0.1)) {
    const audited = d.chance(0.45);
    p.audit = { lastCompleted: audited ? d.date(2005, 2025) : d.chance(0.5) ? null : undefined! };
    if (p.audit.lastCompleted === undefined) delete p.audit.lastCompleted;
    if (audited) Object.assign(p.audit, { accepted: d.chance(0.85), voluntary: d.chance(0.4), notableResults: d.chance(0.05) });
    // A third of the audited give their whole history: one to three rounds, the latest being lastCompleted.
    if (audited && d.chance(0.33)) {
      const last = p.audit.lastCompleted as string;
      const earlier = Array.from({ length: d.int(0, 2) }, () => d.date(2005, Number(last.slice(0, 4)))).filter((x) => x < last);
      p.audit.rounds = [...new Set([...earlier, last])].sort().map((completedOn) => ({ completedOn }));
    }
    const listed = d.chance(0.06);
    if (listed) {
      const listedOn = d.date(2012, 2023);
      p.audit.mandatoryListed = { listed: true, listedOn, deadline: addDays(listedOn, d.int(90, 540)) };
    } else p.audit.mandatoryListed = { listed: false };
    p.audit.certified = d.chance(0.03);
    p.audit.voluntaryAgreement = d.chance(0.03);
  }
  if (d.chance(0.08)) {
    p.titles = [
      {
        kind: p.location?.city === 'foshan' && d.chance(0.5) ? 'foshan-cp-enterprise' : 'guangdong-cp-enterprise',
        awardedOn: d.date(2008, 2022),
        revoked: d.chance(0.1),
      },
    ];
    p.trainedAuditStaff = d.int(0, 5);
  }
  if (!d.chance(0.2)) {
    const bad = d.chance(0.03);
    p.conduct = {
      majorEnvironmentalAccident: d.chance(0.005),
      illegalDischarge: d.chance(0.01),
      refusedOrDelayedAudit: bad,
      falsifiedAudit: d.chance(0.005),
      misreportedAudit: d.chance(0.005),
      refusedRectification: bad && d.chance(0.3),
      failedToPublish: d.chance(0.01),
      penalizedUnderCPPL: d.chance(0.005),
    };
  }
  if (!d.chance(0.2))
    p.finance = {
      sme: revenue < 40000,
      manufacturing: sector === 'industry',
      resourceUtilizationTaxRelief: d.chance(0.05),
      thirdPartyPollutionControl: d.chance(0.01),
    };
  if (d.chance(0.15))
    p.project = {
      kind: d.pick(['new', 'expansion', 'technical-upgrade'] as const),
      twoHigh: d.chance(0.1),
      changesNatureOrScale: d.chance(0.4),
      addsPollutants: d.chance(0.3),
    };
  if (p.ownership === undefined && d.chance(0.5)) p.ownership = { centralSOE: d.chance(0.02) };
  return p;
}

/** `n` synthetic profiles, reproducible from `seed`. */
export function* synthesize(n: number, seed: number): Generator<Profile> {
  const d = new Draw(xoroshiro128plus(seed));
  for (let i = 0; i < n; i++) yield one(d, i);
}
