/** Public API of the declaration forms (see the README section "Declaration forms"). */
export * from './model.ts';
export * from './registry.ts';
export * from './engine.ts';
export * from './validators.ts';
export * from './dates.ts';
export * from './text.ts';
export { ETHNIC_GROUPS } from './ethnicities.ts';
export * from './quick-picks.ts';
