/**
 * Vietnam's administrative units in force from 1 July 2025 (34 provinces, 3,321
 * communes/wards), with the former units each absorbed. Data: dvhcvn/20250701,
 * MIT licence (LICENSE beside units.json); copied from ../shared/data/vn-admin-units-2025.
 */
import units from './units.json' with { type: 'json' };

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

interface RawUnits {
  source: string;
  provinces: Array<{
    code: string;
    name: string;
    formerly: string[];
    communes: Array<{ code: string; name: string; formerly: string[] }>;
  }>;
}

const raw = units as RawUnits;

export const ADMIN_UNITS_SOURCE: string = raw.source;

const provinceList: readonly Province[] = raw.provinces.map((p) => ({
  code: p.code,
  name: p.name,
  formerly: p.formerly,
}));

const communesByProvince = new Map<string, readonly Commune[]>(
  raw.provinces.map((p) => [
    p.code,
    p.communes.map((c) => ({ code: c.code, name: c.name, provinceCode: p.code, formerly: c.formerly })),
  ]),
);

const communeByCode = new Map<string, Commune>();
for (const list of communesByProvince.values()) for (const c of list) communeByCode.set(c.code, c);

/** The 34 provinces and centrally-run cities, in official code order. */
export function provinces(): readonly Province[] {
  return provinceList;
}

export function findProvince(code: string): Province | undefined {
  return provinceList.find((p) => p.code === code);
}

/** Communes and wards of a province (empty for an unknown code). */
export function communesOf(provinceCode: string): readonly Commune[] {
  return communesByProvince.get(provinceCode) ?? [];
}

/** A commune or ward by its 5-digit code. */
export function findCommune(code: string): Commune | undefined {
  return communeByCode.get(code);
}
