/** The kiosk's pure domain: contracts, rules and helpers (no Node, DOM or Electron). */
export * from './localised.ts';
export * from './procedure.ts';
export * from './reform-model.ts';
export * from './reform-models.ts';
export * from './office-profile.ts';
export * from './dossier.ts';
export * from './vietnam-time.ts';
export * from './working-time.ts';
export * from './schedule.ts';
export * from './today.ts';
export * from './deadline.ts';
export * from './format.ts';
export * from './profile-validation.ts';
