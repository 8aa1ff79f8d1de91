/**
 * Where the engine's status pull stands, for others that ask the office themselves (the
 * status look-up): the engine alone writes these.
 */
import { dbOf, type DataContext } from '../../db/context.ts';
import { getMeta } from '../../db/meta.ts';
import { META_LAST_PULL_AS_OF, META_STATUS_CURSOR } from './engine.ts';

/** The office's clock at the engine's last complete status pull; null before the first. */
export async function lastStatusPullAsOf(ctx: DataContext = {}): Promise<string | null> {
  return (await getMeta<string>(dbOf(ctx), META_LAST_PULL_AS_OF)) ?? null;
}

/** The cursor of the status page the engine fetches next; null before the first pull. */
export async function statusPullCursor(ctx: DataContext = {}): Promise<string | null> {
  return (await getMeta<string | null>(dbOf(ctx), META_STATUS_CURSOR)) ?? null;
}
