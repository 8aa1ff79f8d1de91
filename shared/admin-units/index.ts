/**
 * Vietnam's administrative units in force from 1 July 2025 (34 provinces, 3,321
 * communes/wards), with the former units each absorbed. Data: dvhcvn/20250701,
 * MIT licence (LICENSE beside units.json); copied from ../shared/data/vn-admin-units-2025.
 *
 * The data is several hundred KiB, more than the kiosk's whole start screen, so it is not
 * imported here: `loadAdminUnits()` fetches it on demand (the kiosk's form and receipt
 * screens await it before they render), and `./bundled.ts` loads it at import for code
 * that needs it from the start (profile validation in main and the office). The look-ups
 * below are synchronous and throw until one of the two has run, so a caller that forgot
 * fails loudly instead of taking every code for unknown.
 */

export interface Province {
  code: string;
  name: string;
  /** Provinces merged into this one on 1 July 2025 (its own former name included). */
  formerly: readonly string[];
}

export interface Commune {
  code: string;
  name: string;
  provinceCode: string;
  /** Communes, wards and towns merged into this one on 1 July 2025. */
  formerly: readonly string[];
}

/** The shape of units.json. */
export interface RawAdminUnits {
  source: string;
  provinces: Array<{
    code: string;
    name: string;
    formerly: string[];
    communes: Array<{ code: string; name: string; formerly: string[] }>;
  }>;
}

interface Units {
  provinces: readonly Province[];
  communesByProvince: Map<string, readonly Commune[]>;
  communeByCode: Map<string, Commune>;
}

let units: Units | undefined;
let loading: Promise<void> | undefined;

/** Makes the look-ups answer from `raw` (the first data given wins; later calls do nothing). */
export function provideAdminUnits(raw: RawAdminUnits): void {
  if (units) return;
  const communesByProvince = new Map<string, readonly Commune[]>(
    raw.provinces.map((p) => [
      p.code,
      p.communes.map((c) => ({ code: c.code, name: c.name, provinceCode: p.code, formerly: c.formerly })),
    ]),
  );
  const communeByCode = new Map<string, Commune>();
  for (const list of communesByProvince.values()) for (const c of list) communeByCode.set(c.code, c);
  units = {
    provinces: raw.provinces.map((p) => ({ code: p.code, name: p.name, formerly: p.formerly })),
    communesByProvince,
    communeByCode,
  };
}

/** Fetches and indexes the data once; resolves at once when it is already there. */
export function loadAdminUnits(): Promise<void> {
  if (units) return Promise.resolve();
  loading ??= import('./units.json', { with: { type: 'json' } }).then(
    (m) => provideAdminUnits(m.default as RawAdminUnits),
    (error: unknown) => {
      loading = undefined; // a failed fetch (e.g. a chunk missing after an update) may be retried
      throw error;
    },
  );
  return loading;
}

function loaded(): Units {
  if (!units) throw new Error('Administrative units not loaded yet: await loadAdminUnits() first');
  return units;
}

/** The 34 provinces and centrally-run cities, in official code order. */
export function provinces(): readonly Province[] {
  return loaded().provinces;
}

export function findProvince(code: string): Province | undefined {
  return loaded().provinces.find((p) => p.code === code);
}

/** Communes and wards of a province (empty for an unknown code). */
export function communesOf(provinceCode: string): readonly Commune[] {
  return loaded().communesByProvince.get(provinceCode) ?? [];
}

/** A commune or ward by its 5-digit code. */
export function findCommune(code: string): Commune | undefined {
  return loaded().communeByCode.get(code);
}
