import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HttpError, readBody, readJson, sendError, sendJson } from '../http/io.ts';
import { authenticateKiosk, recordContact } from './kiosk-auth.ts';
import { enrolKiosk } from './enrol.ts';
import { ingestBatch } from './push.ts';
import { pull } from './pull.ts';
import { attachmentState, putChunk } from './attachments.ts';
import {
  EnrolRequestSchema,
  PullRequestSchema,
  PushRequestSchema,
  SYNC_LIMITS,
  SYNC_PROTOCOL,
  issuesToReasons,
  type HealthAnswer,
  type PushAnswer,
} from '../../shared/contracts/sync.ts';

export interface SyncContext {
  db: Kysely<Database>;
  officeName: string;
  now: () => number;
}

/** Handles /api/*; returns false when the path is not an API path. */
export async function handleApi(
  ctx: SyncContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (!path.startsWith('/api/')) return false;
  const method = req.method ?? 'GET';
  try {
    if (path === '/api/health') {
      if (method !== 'GET') throw new HttpError(405, 'method-not-allowed', ['use GET']);
      const body: HealthAnswer = {
        service: 'commune-office',
        protocol: SYNC_PROTOCOL,
        time: new Date(ctx.now()).toISOString(),
        requestEncodings: ['gzip'],
      };
      sendJson(res, 200, body);
      return true;
    }
    if (path === '/api/sync/enrol') {
      if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', ['use POST']);
      const parsed = EnrolRequestSchema.safeParse(await readJson(req, 16 * 1024));
      if (!parsed.success) throw new HttpError(400, 'bad-request', issuesToReasons(parsed.error));
      const answer = await enrolKiosk(ctx.db, parsed.data, ctx.officeName, ctx.now());
      if (!answer) throw new HttpError(403, 'unauthorised', ['enrolment code unknown, used or expired']);
      sendJson(res, 200, answer);
      return true;
    }
    const attachment = /^\/api\/sync\/attachments\/([0-9a-f]{64})$/.exec(path);
    if (path === '/api/sync/push' || path === '/api/sync/pull' || attachment) {
      const auth = await authenticateKiosk(ctx.db, req.headers.authorization);
      if (!auth.ok) {
        req.resume();
        throw new HttpError(auth.status, auth.error, [auth.reason]);
      }
      const kioskId = auth.kiosk.id;
      if (path === '/api/sync/push') {
        if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', ['use POST']);
        const parsed = PushRequestSchema.safeParse(await readJson(req, SYNC_LIMITS.maxJsonBodyBytes));
        if (!parsed.success) throw new HttpError(400, 'bad-request', issuesToReasons(parsed.error));
        const now = ctx.now();
        // The kiosk's last contact is recorded in the batch's own transaction: one durable commit per push.
        const results = await ingestBatch(ctx.db, kioskId, parsed.data.items, now, {
          appVersion: parsed.data.appVersion,
          waiting: parsed.data.waiting,
        });
        const answer: PushAnswer = { protocol: SYNC_PROTOCOL, kind: 'push-result', results };
        sendJson(res, 200, answer, req);
        return true;
      }
      if (path === '/api/sync/pull') {
        if (method !== 'POST') throw new HttpError(405, 'method-not-allowed', ['use POST']);
        const parsed = PullRequestSchema.safeParse(await readJson(req, 64 * 1024));
        if (!parsed.success) throw new HttpError(400, 'bad-request', issuesToReasons(parsed.error));
        const now = ctx.now();
        await recordContact(ctx.db, kioskId, now);
        sendJson(res, 200, await pull(ctx.db, kioskId, parsed.data, now), req);
        return true;
      }
      const hash = attachment![1]!;
      if (method === 'GET' || method === 'HEAD') {
        const state = await attachmentState(ctx.db, hash);
        if (method === 'HEAD') {
          res.writeHead(200, { 'Upload-Offset': String(state.received), 'Cache-Control': 'no-store' });
          res.end();
        } else sendJson(res, 200, state);
        return true;
      }
      if (method !== 'PUT') throw new HttpError(405, 'method-not-allowed', ['use GET, HEAD or PUT']);
      const url = new URL(req.url ?? '/', 'http://office');
      const offset = Number(url.searchParams.get('offset'));
      const total = Number(url.searchParams.get('total'));
      if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(total)) {
        req.resume();
        throw new HttpError(400, 'bad-request', ['offset and total must be integers']);
      }
      if (!/^application\/octet-stream\s*$/i.test(req.headers['content-type'] ?? '')) {
        req.resume();
        throw new HttpError(415, 'unsupported-media-type', [
          'expected Content-Type: application/octet-stream',
        ]);
      }
      const data = await readBody(req, SYNC_LIMITS.maxChunkBytes);
      if (data.length === 0) throw new HttpError(400, 'bad-request', ['empty chunk']);
      const outcome = await putChunk(ctx.db, hash, offset, total, data, ctx.now(), kioskId);
      await recordContact(ctx.db, kioskId, ctx.now());
      if (outcome.ok) sendJson(res, 200, outcome.state);
      else
        sendJson(res, outcome.status, {
          protocol: SYNC_PROTOCOL,
          kind: 'error',
          error: outcome.error,
          reasons: outcome.reasons,
          state: outcome.state,
        });
      return true;
    }
    req.resume();
    throw new HttpError(404, 'not-found', [`no API at ${path}`]);
  } catch (e) {
    if (e instanceof HttpError) {
      sendError(res, e.status, e.code, e.reasons);
      return true;
    }
    throw e;
  }
}
