/**
 * The screen registry: which component renders each screen of ScreenParams (./store.ts),
 * and the overlays every screen shares (dialogs a feature may raise on any screen, such as
 * "continue the declaration you were filling?" after a reload). A feature adds one line
 * to each map it needs; the shell itself knows no feature's screens.
 */
import type { ComponentType } from 'react';
import type { ScreenName, ScreenOf } from './store.ts';
import { TodayScreen } from '../today/TodayScreen.tsx';
import { CatalogueScreen } from '../catalogue/CatalogueScreen.tsx';
import { ProcedureScreen } from '../procedure/ProcedureScreen.tsx';
import { DeclarationScreen } from '../declaration/DeclarationScreen.tsx';
import { ResumeDraftPrompt } from '../declaration/ResumeDraftPrompt.tsx';
import { LeaveDeclarationDialog } from '../declaration/LeaveDeclarationDialog.tsx';
import { ReceiptScreen } from '../receipt/ReceiptScreen.tsx';
import { SatisfactionScreen } from '../satisfaction/SatisfactionScreen.tsx';
import { VolunteerScreen } from '../volunteer-session/VolunteerScreen.tsx';
import { SettingsScreen } from '../settings/SettingsScreen.tsx';
import { DossierListScreen } from '../dossiers/DossierListScreen.tsx';
import { SyncRunner } from '../sync/SyncRunner.tsx';
import { StatusLookupScreen } from '../status-lookup/StatusLookupScreen.tsx';
import { RetentionRunner } from '../retention/RetentionRunner.tsx';
import { StaffScreen } from './StaffScreen.tsx';
import { UnprintedReceiptsScreen } from '../unprinted-receipts/UnprintedReceiptsScreen.tsx';
import { UnprintedReceiptsRunner } from '../unprinted-receipts/UnprintedReceiptsRunner.tsx';
import { SpeechRunner } from '../speech/SpeechRunner.tsx';
import { TicketDialog } from '../queue-ticket/index.ts';

type ScreenComponents = { [K in ScreenName]: ComponentType<{ screen: ScreenOf<K> }> };

export const SCREENS: ScreenComponents = {
  today: () => <TodayScreen />,
  catalogue: ({ screen }) => <CatalogueScreen group={screen.group} />,
  procedure: ({ screen }) => <ProcedureScreen code={screen.code} />,
  declaration: DeclarationScreen,
  receipt: ReceiptScreen,
  satisfaction: SatisfactionScreen,
  staff: () => <StaffScreen />,
  volunteer: VolunteerScreen,
  settings: SettingsScreen,
  dossiers: DossierListScreen,
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
