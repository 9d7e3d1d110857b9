/**
 * The worker pool's entry for piscina, in CommonJS: piscina loads a worker with require() first, and Node 20's require()
 * of an ES module can abort the whole process when that module is being imported at the same moment (seen once in the
 * tests: require() failed over to import(), and the next task's require() met the module half-loaded). The worker
 * module itself (worker.ts) is loaded with import(), once per thread.
 */
type Handle = (task: unknown) => Promise<unknown>;
let handle: Promise<Handle> | undefined;

export = async function run(task: unknown): Promise<unknown> {
  handle ??= import('./worker.ts').then((m) => m.default as Handle);
  return (await handle)(task);
};
