/**
 * The catalogue's first screen for people who do not type: procedures grouped by field
 * (lĩnh vực) as a citizen thinks of them. A group gathers one or more of the national
 * database's fields (the procedure's `field.vi`, e.g. "Đăng ký biện pháp bảo đảm" goes
 * under "Đất đai và giao dịch bảo đảm"); a field no group names (a catalogue the office
 * published may bring new ones) becomes a group of its own under its official name, so
 * every procedure is reachable by tapping.
 */
import type { LocalisedText } from '../domain/localised.ts';
import type { Procedure } from '../domain/procedure.ts';
import { normalizeForSearch } from '../search/normalize.ts';

/** The pictogram a group shows; the renderer maps it to a bundled SVG icon. */
export type BrowseGroupIcon = 'family' | 'stamp' | 'land' | 'shop' | 'folder';

export interface BrowseGroupDefinition {
  id: string;
  name: LocalisedText;
  /** The everyday words for what is inside, so an elderly reader recognises the group. */
  examples: LocalisedText;
  icon: BrowseGroupIcon;
  /** The national database field names (`Procedure.field.vi`) this group gathers. */
  fields: readonly string[];
}

export const BROWSE_GROUPS: readonly BrowseGroupDefinition[] = [
  {
    id: 'civil-status',
    name: { vi: 'Hộ tịch', en: 'Civil status' },
    examples: {
      vi: 'Khai sinh, kết hôn, khai tử, xác nhận tình trạng hôn nhân',
      en: 'Birth, marriage, death, marital status',
    },
    icon: 'family',
    fields: ['Hộ tịch'],
  },
  {
    id: 'certification',
    name: { vi: 'Chứng thực', en: 'Certification' },
    examples: {
      vi: 'Sao y bản chính, chứng thực chữ ký, hợp đồng',
      en: 'Certified copies, signatures, contracts',
    },
    icon: 'stamp',
    fields: ['Chứng thực'],
  },
  {
    id: 'land-security',
    name: { vi: 'Đất đai và giao dịch bảo đảm', en: 'Land and secured transactions' },
    examples: {
      vi: 'Thế chấp, xoá thế chấp quyền sử dụng đất',
      en: 'Mortgaging land use rights and lifting a mortgage',
    },
    icon: 'land',
    fields: ['Đăng ký biện pháp bảo đảm', 'Đất đai'],
  },
  {
    id: 'business',
    name: { vi: 'Kinh doanh', en: 'Business' },
    examples: {
      vi: 'Đăng ký hộ kinh doanh, thay đổi nội dung đăng ký',
      en: 'Registering a household business and changing its registration',
    },
    icon: 'shop',
    fields: ['Thành lập và hoạt động của hộ kinh doanh'],
  },
];

export interface BrowseGroup {
  id: string;
  name: LocalisedText;
  /** Null for a group made from a field no definition names. */
  examples: LocalisedText | null;
  icon: BrowseGroupIcon;
  procedures: Procedure[];
}

const fieldKey = (field: string) => normalizeForSearch(field);

/**
 * The groups that have procedures in this catalogue, defined groups first in their
 * order, then the other fields in catalogue order; procedures keep catalogue order.
 */
export function browseGroups(procedures: readonly Procedure[]): BrowseGroup[] {
  const groupOfField = new Map<string, BrowseGroupDefinition>();
  for (const g of BROWSE_GROUPS) for (const f of g.fields) groupOfField.set(fieldKey(f), g);
  const defined = new Map<string, BrowseGroup>(
    BROWSE_GROUPS.map((g) => [
      g.id,
      { id: g.id, name: g.name, examples: g.examples, icon: g.icon, procedures: [] },
    ]),
  );
  const other = new Map<string, BrowseGroup>();
  for (const p of procedures) {
    const key = fieldKey(p.field.vi);
    const definition = groupOfField.get(key);
    if (definition) {
      defined.get(definition.id)!.procedures.push(p);
      continue;
    }
    let group = other.get(key);
    if (!group) {
      group = { id: `field:${key}`, name: p.field, examples: null, icon: 'folder', procedures: [] };
      other.set(key, group);
    }
    group.procedures.push(p);
  }
  return [...defined.values(), ...other.values()].filter((g) => g.procedures.length > 0);
}
