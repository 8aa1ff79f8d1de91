/**
 * The screen registry: which component renders each screen of ScreenParams (./store.ts),
 * and where the overlays every screen shares are loaded from (./overlays.tsx). A feature adds
 * one line to each map it needs; the shell itself knows no feature's screens.
 */
import type { ComponentType } from 'react';
import { loadAdminUnits } from '../../../shared/admin-units/index.ts';
import { lazyScreen } from './lazy-screen.tsx';
import type { ScreenName, ScreenOf } from './store.ts';
import { TodayScreen } from '../today/index.ts';

// Today is in the first bundle; every other screen is its own chunk, fetched when first
// opened or once the start is done, so the start does not wait for the wizard, the
// scanner or the units data.
const lazyScreens = {
  CatalogueScreen: lazyScreen(() => import('../catalogue/lazy.ts').then((m) => m.CatalogueScreen)),
  ProcedureScreen: lazyScreen(() => import('../procedure/lazy.ts').then((m) => m.ProcedureScreen)),
  // The form's place pickers, validation and review read the administrative units as they render.
  DeclarationScreen: lazyScreen(() =>
    Promise.all([import('../declaration/lazy.ts'), loadAdminUnits()]).then(([m]) => m.DeclarationScreen),
  ),
  ReceiptScreen: lazyScreen(() => import('../receipt/lazy.ts').then((m) => m.ReceiptScreen)),
  SatisfactionScreen: lazyScreen(() => import('../satisfaction/lazy.ts').then((m) => m.SatisfactionScreen)),
  StaffScreen: lazyScreen(() => import('./StaffScreen.tsx').then((m) => m.StaffScreen)),
  VolunteerScreen: lazyScreen(() => import('../volunteer-session/lazy.ts').then((m) => m.VolunteerScreen)),
  SettingsScreen: lazyScreen(() => import('../settings/lazy.ts').then((m) => m.SettingsScreen)),
  DossierListScreen: lazyScreen(() => import('../dossiers/lazy.ts').then((m) => m.DossierListScreen)),
  StatusLookupScreen: lazyScreen(() => import('../status-lookup/lazy.ts').then((m) => m.StatusLookupScreen)),
  UnprintedReceiptsScreen: lazyScreen(() =>
    import('../unprinted-receipts/lazy.ts').then((m) => m.UnprintedReceiptsScreen),
  ),
};
const {
  CatalogueScreen: { Component: CatalogueScreen },
  ProcedureScreen: { Component: ProcedureScreen },
  DeclarationScreen: { Component: DeclarationScreen },
  ReceiptScreen: { Component: ReceiptScreen },
  SatisfactionScreen: { Component: SatisfactionScreen },
  StaffScreen: { Component: StaffScreen },
  VolunteerScreen: { Component: VolunteerScreen },
  SettingsScreen: { Component: SettingsScreen },
  DossierListScreen: { Component: DossierListScreen },
  StatusLookupScreen: { Component: StatusLookupScreen },
  UnprintedReceiptsScreen: { Component: UnprintedReceiptsScreen },
} = lazyScreens;

/** Fetches the other screens' chunks ahead of need, once the start is done, so opening one never waits. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(Object.values(lazyScreens).map((screen) => screen.preload()));
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

/**
 * The overlays every screen shares (./overlays.tsx), fetched once Today's first frame is up:
 * they hold the runners (sync, retention, unprinted receipts) and the dialogs that need the
 * stored dossiers, so the start does not wait for IndexedDB's library or the outbox.
 */
export function loadOverlays(): Promise<readonly ComponentType[]> {
  return import('./overlays.tsx').then((m) => m.OVERLAYS);
}
