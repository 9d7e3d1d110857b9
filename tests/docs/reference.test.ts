import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceDoc } from '../../analysis/index.ts';
import { bundled } from '../support/rulebase.ts';

describe('docs/reference.md', () => {
  it('is what the schemas and rule sets generate (run `npm run docs` after changing either)', () => {
    const committed = readFileSync(new URL('../../docs/reference.md', import.meta.url), 'utf8');
    expect(committed).toBe(referenceDoc(bundled()));
  });

  it('documents every profile field, the request, the answer and the source of every rule set, and points nowhere outside', () => {
    const doc = referenceDoc(bundled());
    for (const path of ['`location.city`', '`audit.rounds[].completedOn`', '`view`', '`language`', '`summary.audit.dueBy`', '`questions`']) {
      expect(doc).toContain(path);
    }
    for (const id of bundled().rulesets.keys()) expect(doc).toContain(`| \`${id}\` |`);
    expect(doc).not.toContain('../');
  });
});
