import { prepareVersion } from '../../engine/prepare.ts';
import type { PreparedVersion } from '../../engine/index.ts';
import type { RuleSetFile } from '../../schemas/index.ts';

/** A rule set of one audit rule `r` with the given conditions (a fixture for what a single condition decides). */
export function oneRuleVersion(conditions: unknown, { version = '1.0.0', validFrom = '2000-01-01', outcome = 'mandatory' } = {}): PreparedVersion {
  const file = {
    id: 't',
    version,
    title: { zh: 't', en: 't' },
    validFrom,
    validTo: null,
    jurisdiction: { level: 'country', country: 'CN' },
    source: { document: 'd', file: 'source.txt', origin: 'o', language: 'zh-Hans' },
    assumptions: [],
    rules: [
      {
        id: 'r',
        kind: 'audit',
        outcome,
        title: { zh: 't', en: 't' },
        explanation: { zh: 't', en: 't' },
        conditions,
        citation: { document: 'd', section: 's', quote: 'q' },
      },
    ],
  } as RuleSetFile;
  return prepareVersion({ file, sha256: '', location: '' });
}
