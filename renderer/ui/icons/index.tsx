/**
 * The kiosk's pictograms: SVG from the Lucide set (ISC licence), bundled with the
 * renderer, so they draw the same on a bare Debian thin client as anywhere (emoji and
 * symbol characters depend on the system's fonts and show as empty boxes there).
 * Every icon is decorative: the text next to it is what a screen reader reads.
 */
import {
  ALargeSmall,
  ArrowLeft,
  ArrowRight,
  Camera,
  Check,
  CircleCheck,
  Clock,
  FaceGrinning,
  FaceSlightlyFrowning,
  FaceSlightlySmiling,
  FilePen,
  Folder,
  House,
  LandPlot,
  Languages,
  Pencil,
  Search,
  Stamp,
  Store,
  Ticket,
  TriangleExclamationPoint,
  UserCog,
  Users,
  type LucideIcon,
} from 'lucide-react';

export type { LucideIcon as IconComponent };

export const Icons = {
  home: House,
  find: Search,
  back: ArrowLeft,
  forward: ArrowRight,
  language: Languages,
  largeText: ALargeSmall,
  staff: UserCog,
  clock: Clock,
  camera: Camera,
  check: Check,
  saved: CircleCheck,
  warning: TriangleExclamationPoint,
  edit: Pencil,
  declare: FilePen,
  ticket: Ticket,
  veryHappy: FaceGrinning,
  happy: FaceSlightlySmiling,
  unhappy: FaceSlightlyFrowning,
  // The catalogue's field groups (shared/catalogue/browse-groups.ts BrowseGroupIcon).
  family: Users,
  stamp: Stamp,
  land: LandPlot,
  shop: Store,
  folder: Folder,
} as const satisfies Record<string, LucideIcon>;

export type IconName = keyof typeof Icons;

/** One icon, sized to the text around it (1.2em unless told), hidden from assistive technology. */
export function Icon({
  name,
  size = '1.2em',
  className,
}: {
  name: IconName;
  size?: string;
  className?: string;
}) {
  const Component = Icons[name];
  return (
    <Component
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      strokeWidth={2.25}
      className={className ? `icon ${className}` : 'icon'}
    />
  );
}
