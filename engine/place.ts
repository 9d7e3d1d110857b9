import type { ConditionJson, RuleSetFile } from '../schemas/index.ts';

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
