import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import type { Catalogue } from '../../shared/domain/procedure.ts';

/**
 * The catalogue the kiosk ships with. One place for hosts to get it, so a later
 * catalogue pulled from the office server (sync issue) replaces it here only.
 */
export function defaultCatalogue(): Catalogue {
  return CATALOGUE;
}
