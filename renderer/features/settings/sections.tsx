import type { ComponentType } from 'react';
import { VolunteersSection } from './VolunteersSection.tsx';
import { KioskNumberSection } from './KioskNumberSection.tsx';
import { PrinterSection } from './PrinterSection.tsx';
import { StorageSection } from './StorageSection.tsx';
import { SyncSection } from '../sync/lazy.ts';
import { SerialScannerSection } from '../scan/index.ts';
import { SpeechSettingsSection } from '../speech/lazy.ts';
import { useOfficerSession } from './officer-session.ts';

/** Enrolment, with the officer session main requires to enrol an enrolled kiosk again. */
function OfficeSection() {
  const session = useOfficerSession((s) => s.session);
  return <SyncSection officerSession={session} />;
}

/**
 * The settings screen is a list of sections, each a heading (a key of the `settings`
 * namespace, or of the namespace given) and a component. A feature adds its section with
 * one entry here (office enrolment will, with the sync work).
 */
export interface SettingsSection {
  id: string;
  /** i18n key, e.g. 'sections.volunteers' or 'sync:settings.heading'. */
  titleKey: string;
  Component: ComponentType;
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { id: 'volunteers', titleKey: 'sections.volunteers', Component: VolunteersSection },
  { id: 'kiosk-number', titleKey: 'sections.kioskNumber', Component: KioskNumberSection },
  { id: 'printer', titleKey: 'sections.printer', Component: PrinterSection },
  { id: 'serial-scanner', titleKey: 'scan:serial.heading', Component: SerialScannerSection },
  { id: 'storage', titleKey: 'sections.storage', Component: StorageSection },
  { id: 'sync', titleKey: 'sync:settings.heading', Component: OfficeSection },
  { id: 'speech', titleKey: 'speech:settings.heading', Component: SpeechSettingsSection },
];
