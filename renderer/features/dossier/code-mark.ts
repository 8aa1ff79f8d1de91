/**
 * Main's dossier code high-water mark (bridge `dossierCodeMark`, kept in the data
 * folder). Read before a submit and recorded after it, so a kiosk whose browser profile
 * was lost or reset carries on after the last code it issued instead of at 0001.
 * A host without the mark (or a failed call) leaves the kiosk on its own state: a
 * citizen is never turned away for it.
 */
import type { DossierCodeState } from '../../../shared/dossier/index.ts';
import { bridge, type BridgeClient } from '../../bridge/client.ts';

type Invoke = Pick<BridgeClient, 'invoke'>;

export async function readCodeMark(client: Invoke = bridge()): Promise<DossierCodeState | null> {
  try {
    return await client.invoke('dossierCodeMark', {});
  } catch {
    return null;
  }
}

export async function recordCodeMark(state: DossierCodeState, client: Invoke = bridge()): Promise<void> {
  try {
    await client.invoke('dossierCodeMark', { record: state });
  } catch {
    // The next submit records the later state again; until then the profile's own state holds.
  }
}
