/**
 * One attachment's bytes to the office (docs/sync.md, "Attachments"), resumable and keyed
 * by hash. Written against a small channel so the engine (through the bridge) and the
 * link benchmark (through the transport) run the same steps.
 *
 * On a slow link every round trip is time the uplink stands idle, so an attachment this
 * kiosk never started is sent at once from offset 0, without first asking what the office
 * holds. The office acknowledges a chunk that lies within the bytes it already has, and
 * answers 409 (`rejected` here) to one that overlaps them: only then, or when an earlier
 * upload of it was started, is the office's state looked up to resume from.
 */
import type { AttachmentState } from '../../../shared/contracts/sync.ts';

type Failed = { ok: false; failure: string; reasons: string[]; retryAfterMs?: number };
type StateAnswer = { ok: true; state: AttachmentState } | Failed;

export interface AttachmentChannel {
  state(hash: string): Promise<StateAnswer>;
  put(hash: string, offset: number, total: number, chunk: Uint8Array): Promise<StateAnswer>;
}

/** `complete: false`: the office holds the upload elsewhere (asked again next cycle). */
export type UploadOutcome = { ok: true; complete: boolean } | Failed;

export async function uploadAttachment(
  channel: AttachmentChannel,
  hash: string,
  bytes: Uint8Array,
  options: { started: boolean; chunkBytes: number },
): Promise<UploadOutcome> {
  let received = 0;
  let lookedUp = false;
  const lookUp = async (): Promise<UploadOutcome | null> => {
    lookedUp = true;
    const known = await channel.state(hash);
    if (!known.ok) return known;
    if (known.state.complete) return { ok: true, complete: true };
    received = known.state.received;
    return null;
  };
  if (options.started) {
    const done = await lookUp();
    if (done) return done;
  }
  while (received < bytes.length) {
    const answer = await channel.put(
      hash,
      received,
      bytes.length,
      bytes.subarray(received, received + options.chunkBytes),
    );
    if (!answer.ok) {
      if (answer.failure !== 'rejected') return answer;
      // 409: the office holds another offset; 422: it discarded the bytes. Ask once where to go on.
      if (lookedUp) return { ok: true, complete: false };
      const done = await lookUp();
      if (done) return done;
      continue;
    }
    if (answer.state.complete) return { ok: true, complete: true };
    if (answer.state.received <= received) return { ok: true, complete: false };
    received = answer.state.received;
  }
  return { ok: true, complete: false };
}
