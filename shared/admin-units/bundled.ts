/**
 * The administrative units, loaded as soon as this module is imported: for code that
 * validates against them from its first call (the office profile, in main and at the
 * office). The kiosk's renderer must not import this (it would put the whole data set in
 * the start bundle); it awaits loadAdminUnits() where it needs the units.
 */
import units from './units.json' with { type: 'json' };
import { provideAdminUnits, type RawAdminUnits } from './index.ts';

provideAdminUnits(units as RawAdminUnits);

export * from './index.ts';
