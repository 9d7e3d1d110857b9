import { CleanprodError } from '../engine/index.ts';
import { buildProgram } from './program.ts';

// A closed pipe (`cleanprod … | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = buildProgram();

try {
  await program.parseAsync();
} catch (e) {
  if (e instanceof CleanprodError) {
    process.stderr.write(`error [${e.code}]: ${e.message}\n`);
    for (const d of e.details) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
