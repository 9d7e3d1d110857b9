export * from './load.ts';
export * from './lint.ts';
export * from './rulebase.ts';
export * from './cases.ts';
export * from './lock.ts';
export * from './new-version.ts';
export * from './delta.ts';
