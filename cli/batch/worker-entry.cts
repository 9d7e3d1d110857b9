/**
 * The batch worker's entry for piscina, in CommonJS (see server/pool/worker-entry.cts: piscina's require() of an ES
 * module can abort Node 20 when the module is being imported at the same moment). worker.ts is loaded with import(),
 * once per thread.
 */
type Evaluate = (items: unknown) => unknown;
let evaluate: Promise<Evaluate> | undefined;

export = async function run(items: unknown): Promise<unknown> {
  evaluate ??= import('./worker.ts').then((m) => m.default as Evaluate);
  return (await evaluate)(items);
};
