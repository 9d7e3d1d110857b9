export * from './pool.ts';
export * from './tasks.ts';
