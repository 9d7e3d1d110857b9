import type { ConditionJson, RuleSetFile } from '../schemas/index.ts';
import type { Facts, Tri } from './tri.ts';

type Jurisdiction = RuleSetFile['jurisdiction'];

/**
 * A rule set's jurisdiction as a condition of the program: a national one holds everywhere (an empty `all`), Guangdong
 * holds for the derived `inGuangdong` (from the province or a Guangdong city), another province for
 * `location.province`, a city for `location.city`. Absent location facts leave it unknown, as any leaf.
 */
export function placeCondition(j: Jurisdiction): ConditionJson {
  switch (j.level) {
    case 'country':
      return { all: [] };
    case 'province':
      return j.province === 'guangdong'
        ? { fact: 'inGuangdong', operator: 'equal', value: true }
        : { fact: 'location', path: '$.province', operator: 'equal', value: j.province ?? null };
    case 'city':
      return { fact: 'location', path: '$.city', operator: 'equal', value: j.city ?? null };
  }
}

/** Why a rule set does or does not cover the enterprise, given the place condition's value. */
export function placeReason(j: Jurisdiction, value: Tri, facts: Facts): string {
  const location = (facts.location ?? {}) as { city?: string; province?: string };
  switch (j.level) {
    case 'country':
      return 'national rule set';
    case 'province':
      if (j.province !== 'guangdong') return `province ${j.province}`;
      return value === 'U'
        ? 'location not given: cannot tell whether the enterprise is in Guangdong'
        : value === 'T'
          ? 'the enterprise is in Guangdong'
          : `the enterprise is not in Guangdong (province ${location.province})`;
    case 'city':
      return value === 'U'
        ? `location.city not given: cannot tell whether the enterprise is in ${j.city}`
        : value === 'T'
          ? `the enterprise is in ${j.city}`
          : `the enterprise is in ${location.city}, outside ${j.city}`;
  }
}
