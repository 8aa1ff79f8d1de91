import { kioskDb, kioskDraftDb, type KioskDb } from './db.ts';

/**
 * What the data functions run against. The kiosk passes nothing (the shared database and
 * the real clock); tests pass their own database and clock.
 */
export interface DataContext {
  db?: KioskDb;
  /** Drafts only: defaults to `db` when given, else the relaxed-durability connection. */
  draftDb?: KioskDb;
  now?: () => Date;
}

export const dbOf = (ctx: DataContext): KioskDb => ctx.db ?? kioskDb();
export const draftDbOf = (ctx: DataContext): KioskDb => ctx.draftDb ?? ctx.db ?? kioskDraftDb();
export const nowOf = (ctx: DataContext): Date => (ctx.now ? ctx.now() : new Date());
