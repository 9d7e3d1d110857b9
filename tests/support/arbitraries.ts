import fc from 'fast-check';
import type { Profile } from '../../schemas/index.ts';
import { ENUMERATED_DISTRICTS, GUANGDONG_CITY_KEYS, INDUSTRY_KEYS, ProfileSchema, WATERSHED_KEYS } from '../../schemas/index.ts';

export const isoDate = (from = 2000, to = 2030): fc.Arbitrary<string> =>
  fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

interface S {
  type?: string;
  enum?: string[];
  format?: string;
  properties?: Record<string, S>;
  items?: S;
  anyOf?: S[];
  minimum?: number;
  pattern?: string;
  required?: string[];
}

/** Fields whose realistic values the schema alone does not give. */
const OVERRIDES: Record<string, (complete: boolean) => fc.Arbitrary<unknown>> = {
  location: (complete) =>
    fc.oneof(
      { weight: 6, arbitrary: guangdongLocation(complete) },
      { weight: 1, arbitrary: fc.record({ province: fc.constantFrom('hunan', 'jiangxi', 'fujian'), city: fc.constantFrom('changsha', 'ganzhou', 'xiamen') }) },
    ),
  'industry.codes': () =>
    fc.uniqueArray(fc.constantFrom('3011', '3071', '3360', '1713', '2211', '3843', '6110', '3212', '2710', '4411', '9999'), { maxLength: 2 }),
  'industry.keys': () => fc.uniqueArray(fc.constantFrom(...INDUSTRY_KEYS), { maxLength: 3 }),
  'environment.priorityControlChemicals': () => fc.uniqueArray(fc.constantFrom('镉及镉化合物', '汞及汞化合物', '六价铬化合物', '甲醛'), { maxLength: 2 }),
  'audit.rounds': () =>
    fc.array(
      fc
        .tuple(isoDate(2003, 2026), fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }))
        .map(([completedOn, days]) => (days === undefined ? { completedOn } : { completedOn, acceptedOn: plusDays(completedOn, days) })),
      { maxLength: 3 },
    ),
  id: () => fc.string({ maxLength: 12 }),
  name: () => fc.string({ maxLength: 12 }),
};

const plusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Audit = NonNullable<Profile['audit']>;
/** The audit facts made consistent with each other, as the engine requires (engine/history.ts checkAuditFacts). */
function consistentAudit(a: Audit): Audit {
  const out: Audit = { ...a };
  if (out.rounds !== undefined && out.lastCompleted !== undefined) {
    const dates = out.rounds.map((r) => r.completedOn).sort();
    out.lastCompleted = dates.length > 0 ? dates[dates.length - 1]! : null;
  }
  const l = out.mandatoryListed;
  if (l) {
    if (l.listed === false) out.mandatoryListed = { listed: false };
    else if (l.listedOn !== undefined && l.deadline !== undefined && l.deadline < l.listedOn)
      out.mandatoryListed = { ...l, listedOn: l.deadline, deadline: l.listedOn };
  }
  return out;
}

/** Values fixed up after generation, by path. */
const FIXERS: Record<string, (v: unknown) => unknown> = { audit: (v) => consistentAudit(v as Audit) };

function guangdongLocation(complete: boolean): fc.Arbitrary<unknown> {
  const park = fromSchema((ProfileSchema as unknown as S).properties!.location!.properties!.park!, 'location.park', complete);
  return fc.constantFrom(...GUANGDONG_CITY_KEYS).chain((city) => {
    const districts = (ENUMERATED_DISTRICTS as Record<string, Record<string, string>>)[city];
    const shape = {
      province: fc.constant('guangdong'),
      city: fc.constant(city),
      district: districts ? fc.constantFrom(...Object.keys(districts)) : fc.constantFrom('tianhe', 'futian', 'centre'),
      watersheds: fc.uniqueArray(fc.constantFrom(...WATERSHED_KEYS), { maxLength: 2 }),
      park,
    };
    return complete ? fc.record(shape) : fc.record(shape, { requiredKeys: ['city'] });
  });
}

/** An arbitrary that follows the profile schema itself, so fields added to the schema are generated too. */
function fromSchema(s: S, path: string, complete: boolean): fc.Arbitrary<unknown> {
  const override = OVERRIDES[path];
  if (override) return override(complete);
  if (s.anyOf) return fc.oneof(...s.anyOf.map((x) => fromSchema(x, path, complete)));
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: 0, max: path.includes('Staff') ? 10 : 20000 });
    case 'number':
      return fc.integer({ min: 0, max: 200000 });
    case 'null':
      return fc.constant(null);
    case 'string':
      return s.format === 'date' ? isoDate(2003, 2026) : fc.constantFrom('a', 'b');
    case 'array':
      return fc.array(fromSchema(s.items!, `${path}[]`, complete), { maxLength: 2 });
    case 'object': {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) shape[k] = fromSchema(v, path ? `${path}.${k}` : k, complete);
      const record = complete ? fc.record(shape) : fc.record(shape, { requiredKeys: s.required ?? [] });
      const fix = FIXERS[path];
      return fix ? record.map(fix) : record;
    }
    default:
      throw new Error(`no arbitrary for schema at ${path}: ${JSON.stringify(s).slice(0, 80)}`);
  }
}

/** A schema-valid profile: every fact present when `complete`, any subset otherwise. */
export function profileArb(complete = false): fc.Arbitrary<Profile> {
  return fromSchema(ProfileSchema as unknown as S, '', complete) as fc.Arbitrary<Profile>;
}
