export * from './app.ts';
export * from './problem.ts';
