import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { OfficeContext } from '../app.ts';
import type { KiosksTable } from '../db/schema.ts';
import { authenticateKiosk, recordContact } from '../sync/kiosk-auth.ts';
import { enrolKiosk } from '../sync/enrol.ts';
import { ingestBatch } from '../sync/push.ts';
import { pull } from '../sync/pull.ts';
import { ticketKioskRoutes } from './tickets.ts';
import { attachmentState, putChunk } from '../sync/attachments.ts';
import { isUnsupportedEncoding, readSyncBodies, REQUEST_ENCODINGS } from '../sync/request-body.ts';
import { clipAudio, clipPackIndex } from '../speech-clips.ts';
import { ClipAudioPathParamsSchema, ClipPathParamsSchema } from '../../shared/contracts/speech-clips.ts';
import {
  EnrolRequestSchema,
  PullRequestSchema,
  PushRequestSchema,
  Sha256HexSchema,
  SYNC_LIMITS,
  SYNC_PROTOCOL,
  type HealthAnswer,
  type PushAnswer,
  type SyncError,
} from '../../shared/contracts/sync.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The kiosk a sync request authenticated as (routes guarded by `kioskOnly`). */
    kiosk?: Selectable<KiosksTable>;
  }
}

type SyncErrorCode = SyncError['error'];

function syncError(reply: FastifyReply, status: number, error: SyncErrorCode, reasons: string[]) {
  const body: SyncError = { protocol: SYNC_PROTOCOL, kind: 'error', error, reasons };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own request errors, answered in the protocol's error shape (docs/sync.md). */
const STATUS_TO_ERROR: Record<number, SyncErrorCode> = {
  400: 'bad-request',
  401: 'unauthorised',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
};

const ALL_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** /api/*: health, enrolment, push, pull and resumable attachment upload (docs/sync.md). */
export function syncRoutes(ctx: OfficeContext): FastifyPluginAsync {
  return async (plain) => {
    const api = plain.withTypeProvider<ZodTypeProvider>();
    // Only JSON (and raw attachment chunks) are accepted; a text/plain body is refused (415).
    api.removeContentTypeParser('text/plain');
    readSyncBodies(api);
    api.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: SYNC_LIMITS.maxChunkBytes },
      (_request, body, done) => done(null, body),
    );

    api.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const reasons = error.validation.slice(0, 20).map((v) => {
          const message = v.message ?? v.keyword;
          return v.instancePath.length > 1
            ? `${v.instancePath.slice(1).replaceAll('/', '.')}: ${message}`
            : message;
        });
        return syncError(reply, 400, 'bad-request', reasons);
      }
      const status = error.statusCode ?? 500;
      const code = STATUS_TO_ERROR[status];
      if (code) {
        const reason =
          error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'body is not valid JSON'
            : status === 415 && !isUnsupportedEncoding(error)
              ? `unsupported Content-Type ${request.headers['content-type'] ?? '(none)'}`
              : error.message;
        return syncError(reply, status, code, [reason ?? code]);
      }
      return syncError(reply, 500, 'internal', ['internal error; nothing was stored by this request']);
    });
    api.setNotFoundHandler((request, reply) =>
      syncError(reply, 404, 'not-found', [`no API at ${request.url.split('?')[0]}`]),
    );

    /** Registers the other methods on `url` so they are answered 405, not 404. */
    const refuseOtherMethods = (url: string, allowed: HTTPMethods[]) =>
      api.route({
        method: ALL_METHODS.filter((m) => !allowed.includes(m)),
        url,
        handler: (_request, reply) =>
          syncError(reply, 405, 'method-not-allowed', [`use ${allowed.join(' or ')}`]),
      });

    /** Bearer token before anything else is read: a stranger's body is never parsed. */
    const kioskOnly = async (request: FastifyRequest, reply: FastifyReply) => {
      const auth = await authenticateKiosk(ctx.db, request.headers.authorization);
      if (!auth.ok) return syncError(reply, auth.status, auth.error, [auth.reason]);
      request.kiosk = auth.kiosk;
    };

    await api.register(ticketKioskRoutes(ctx.tickets, kioskOnly));

    api.get('/health', async (): Promise<HealthAnswer> => ({
      service: 'commune-office',
      protocol: SYNC_PROTOCOL,
      time: new Date(ctx.now()).toISOString(),
      requestEncodings: [...REQUEST_ENCODINGS],
    }));
    refuseOtherMethods('/health', ['GET', 'HEAD']);

    api.post(
      '/sync/enrol',
      {
        schema: { body: EnrolRequestSchema },
        bodyLimit: 16 * 1024,
        // Enrolment codes are short: guessing them is slowed per address.
        config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const answer = await enrolKiosk(ctx.db, request.body, ctx.officeName, ctx.now());
        if (!answer)
          return syncError(reply, 403, 'unauthorised', ['enrolment code unknown, used or expired']);
        return answer;
      },
    );
    refuseOtherMethods('/sync/enrol', ['POST']);

    api.post(
      '/sync/push',
      {
        onRequest: kioskOnly,
        schema: { body: PushRequestSchema },
        bodyLimit: SYNC_LIMITS.maxJsonBodyBytes,
      },
      async (request): Promise<PushAnswer> => {
        // The kiosk's last contact is recorded in the batch's own transaction: one durable commit per push.
        const results = await ingestBatch(ctx.db, request.kiosk!.id, request.body.items, ctx.now(), {
          appVersion: request.body.appVersion,
          waiting: request.body.waiting,
        });
        const arrived = request.body.items.filter(
          (item, i) => item.kind === 'dossier' && results[i]?.outcome === 'stored',
        ).length;
        if (arrived) ctx.dossiers.publish({ kind: 'arrived', count: arrived });
        else if (results.some((r) => r.outcome === 'stored')) ctx.dossiers.publish({ kind: 'updated' });
        return { protocol: SYNC_PROTOCOL, kind: 'push-result', results };
      },
    );
    refuseOtherMethods('/sync/push', ['POST']);

    api.post(
      '/sync/pull',
      { onRequest: kioskOnly, schema: { body: PullRequestSchema }, bodyLimit: 64 * 1024 },
      async (request) => {
        const now = ctx.now();
        await recordContact(ctx.db, request.kiosk!.id, now);
        const answer = await pull(ctx.db, request.kiosk!.id, request.body, now);
        return ctx.certificate
          ? { ...answer, nextCertificateSha256: ctx.certificate.nextFingerprint }
          : answer;
      },
    );
    refuseOtherMethods('/sync/pull', ['POST']);

    const attachmentUrl = '/sync/attachments/:hash';
    const HashParams = z.object({ hash: Sha256HexSchema });
    api.get(
      attachmentUrl,
      { onRequest: kioskOnly, schema: { params: HashParams }, exposeHeadRoute: false },
      async (request) => attachmentState(ctx.db, request.params.hash),
    );
    api.head(
      attachmentUrl,
      { onRequest: kioskOnly, schema: { params: HashParams } },
      async (request, reply) => {
        const state = await attachmentState(ctx.db, request.params.hash);
        return reply.header('Upload-Offset', String(state.received)).code(200).send();
      },
    );
    api.put(
      attachmentUrl,
      {
        onRequest: kioskOnly,
        schema: {
          params: HashParams,
          querystring: z.object({
            offset: z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
            total: z.coerce.number().int().max(Number.MAX_SAFE_INTEGER),
          }),
        },
        bodyLimit: SYNC_LIMITS.maxChunkBytes,
      },
      async (request, reply) => {
        const data = request.body;
        if (!Buffer.isBuffer(data) || data.length === 0)
          return syncError(reply, 400, 'bad-request', ['empty chunk']);
        const { offset, total } = request.query;
        const outcome = await putChunk(
          ctx.db,
          request.params.hash,
          offset,
          total,
          data,
          ctx.now(),
          request.kiosk!.id,
        );
        await recordContact(ctx.db, request.kiosk!.id, ctx.now());
        if (outcome.ok) return outcome.state;
        return reply.code(outcome.status).send({
          protocol: SYNC_PROTOCOL,
          kind: 'error',
          error: outcome.error,
          reasons: outcome.reasons,
          state: outcome.state,
        });
      },
    );
    refuseOtherMethods(attachmentUrl, ['GET', 'HEAD', 'PUT']);

    // The office's recorded languages (office/speech-clips.ts), listed in the pull answer.
    api.get(
      '/sync/clips/:language',
      { onRequest: kioskOnly, schema: { params: ClipPathParamsSchema } },
      async (request, reply) =>
        (await clipPackIndex(ctx.db, request.params.language)) ??
        syncError(reply, 404, 'not-found', ['no recordings in this language']),
    );
    refuseOtherMethods('/sync/clips/:language', ['GET', 'HEAD']);
    api.get(
      '/sync/clips/:language/:sha256',
      { onRequest: kioskOnly, schema: { params: ClipAudioPathParamsSchema } },
      async (request, reply) =>
        (await clipAudio(ctx.db, request.params.language, request.params.sha256)) ??
        syncError(reply, 404, 'not-found', ['no such recording']),
    );
    refuseOtherMethods('/sync/clips/:language/:sha256', ['GET', 'HEAD']);
  };
}
