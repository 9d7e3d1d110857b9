export * from './text.ts';
export * from './values.ts';
export * from './document.ts';
