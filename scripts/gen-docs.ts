import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDoc } from '../analysis/reference-doc.ts';
import { loadRuleBase, PROJECT_ROOT } from '../loader/index.ts';

/** `npm run docs`: writes docs/reference.md from the schemas and the bundled rule sets. */
const path = join(PROJECT_ROOT, 'docs', 'reference.md');
writeFileSync(path, referenceDoc(loadRuleBase()));
process.stdout.write(`docs: wrote ${path}\n`);
