/**
 * The overlays every screen shares: dialogs a feature may raise on any screen (such as
 * "continue the declaration you were filling?" after a reload) and the features' runners.
 * A feature adds one line here. Loaded by the shell after Today's first frame (./screens.tsx).
 */
import type { ComponentType } from 'react';
import { ResumeDraftPrompt, LeaveDeclarationDialog } from '../declaration/lazy.ts';
import { SyncRunner } from '../sync/lazy.ts';
import { RetentionRunner } from '../retention/lazy.ts';
import { UnprintedReceiptsRunner } from '../unprinted-receipts/lazy.ts';
import { SpeechRunner } from '../speech/index.ts';
import { TicketDialog } from '../queue-ticket/lazy.ts';

export const OVERLAYS: readonly ComponentType[] = [
  ResumeDraftPrompt,
  LeaveDeclarationDialog,
  RetentionRunner,
  SyncRunner,
  UnprintedReceiptsRunner,
  SpeechRunner,
  TicketDialog,
];
