/**
 * The screen registry: which component renders each screen of ScreenParams (./store.ts),
 * and the overlays every screen shares (dialogs a feature may raise on any screen, such as
 * "continue the declaration you were filling?" after a reload). A feature adds one line
 * to each map it needs; the shell itself knows no feature's screens.
 */
import { lazy, type ComponentType } from 'react';
import type { ScreenName, ScreenOf } from './store.ts';
import { TodayScreen } from '../today/TodayScreen.tsx';
import { ResumeDraftPrompt } from '../declaration/ResumeDraftPrompt.tsx';
import { LeaveDeclarationDialog } from '../declaration/LeaveDeclarationDialog.tsx';
import { SyncRunner } from '../sync/SyncRunner.tsx';
import { RetentionRunner } from '../retention/RetentionRunner.tsx';
import { UnprintedReceiptsRunner } from '../unprinted-receipts/UnprintedReceiptsRunner.tsx';
import { SpeechRunner } from '../speech/SpeechRunner.tsx';
import { TicketDialog } from '../queue-ticket/index.ts';

const load = {
  CatalogueScreen: () => import('../catalogue/CatalogueScreen.tsx'),
  ProcedureScreen: () => import('../procedure/ProcedureScreen.tsx'),
  DeclarationScreen: () => import('../declaration/DeclarationScreen.tsx'),
  ReceiptScreen: () => import('../receipt/ReceiptScreen.tsx'),
  SatisfactionScreen: () => import('../satisfaction/SatisfactionScreen.tsx'),
  StaffScreen: () => import('./StaffScreen.tsx'),
  VolunteerScreen: () => import('../volunteer-session/VolunteerScreen.tsx'),
  SettingsScreen: () => import('../settings/SettingsScreen.tsx'),
  DossierListScreen: () => import('../dossiers/DossierListScreen.tsx'),
  StatusLookupScreen: () => import('../status-lookup/StatusLookupScreen.tsx'),
  UnprintedReceiptsScreen: () => import('../unprinted-receipts/UnprintedReceiptsScreen.tsx'),
};

// Today is in the first bundle; every other screen is its own chunk, fetched when first
// opened, so the start does not wait for the wizard, the scanner or the units data.
const CatalogueScreen = lazy(() => load.CatalogueScreen().then((m) => ({ default: m.CatalogueScreen })));
const ProcedureScreen = lazy(() => load.ProcedureScreen().then((m) => ({ default: m.ProcedureScreen })));
const DeclarationScreen = lazy(() =>
  load.DeclarationScreen().then((m) => ({ default: m.DeclarationScreen })),
);
const ReceiptScreen = lazy(() => load.ReceiptScreen().then((m) => ({ default: m.ReceiptScreen })));
const SatisfactionScreen = lazy(() =>
  load.SatisfactionScreen().then((m) => ({ default: m.SatisfactionScreen })),
);
const StaffScreen = lazy(() => load.StaffScreen().then((m) => ({ default: m.StaffScreen })));
const VolunteerScreen = lazy(() => load.VolunteerScreen().then((m) => ({ default: m.VolunteerScreen })));
const SettingsScreen = lazy(() => load.SettingsScreen().then((m) => ({ default: m.SettingsScreen })));
const DossierListScreen = lazy(() =>
  load.DossierListScreen().then((m) => ({ default: m.DossierListScreen })),
);
const StatusLookupScreen = lazy(() =>
  load.StatusLookupScreen().then((m) => ({ default: m.StatusLookupScreen })),
);
const UnprintedReceiptsScreen = lazy(() =>
  load.UnprintedReceiptsScreen().then((m) => ({ default: m.UnprintedReceiptsScreen })),
);

/** Fetches the other screens' chunks ahead of need, once the start is done, so opening one never waits. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(Object.values(load).map((loader) => loader()));
}

type ScreenComponents = { [K in ScreenName]: ComponentType<{ screen: ScreenOf<K> }> };

export const SCREENS: ScreenComponents = {
  today: () => <TodayScreen />,
  catalogue: ({ screen }) => <CatalogueScreen group={screen.group} />,
  procedure: ({ screen }) => <ProcedureScreen code={screen.code} />,
  declaration: ({ screen }) => <DeclarationScreen screen={screen} />,
  receipt: ({ screen }) => <ReceiptScreen screen={screen} />,
  satisfaction: ({ screen }) => <SatisfactionScreen screen={screen} />,
  staff: () => <StaffScreen />,
  volunteer: () => <VolunteerScreen />,
  settings: () => <SettingsScreen />,
  dossiers: ({ screen }) => <DossierListScreen screen={screen} />,
  statusLookup: () => <StatusLookupScreen />,
  unprintedReceipts: () => <UnprintedReceiptsScreen />,
};

/** Rendered on every screen once the kiosk config is loaded. */
export const OVERLAYS: readonly ComponentType[] = [
  ResumeDraftPrompt,
  LeaveDeclarationDialog,
  RetentionRunner,
  SyncRunner,
  UnprintedReceiptsRunner,
  SpeechRunner,
  TicketDialog,
];
