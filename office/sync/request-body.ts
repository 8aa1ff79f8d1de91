import { createGunzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Content-Encodings the sync API inflates; the health answer lists them (docs/sync.md). */
export const REQUEST_ENCODINGS = ['gzip'] as const;

/** A request body in an encoding the office does not take: 415, with the reason. */
class UnsupportedEncodingError extends Error {
  readonly statusCode = 415;
  readonly code = 'OFFICE_UNSUPPORTED_ENCODING';
}

export const isUnsupportedEncoding = (error: unknown): boolean => error instanceof UnsupportedEncodingError;

/**
 * How the sync API reads request bodies, registered in its own scope:
 *
 * - Gzip bodies (the kiosk compresses JSON once the health answer lists gzip) are
 *   inflated as they arrive. Fastify then counts the inflated bytes against the route's
 *   body limit (a small gzip cannot expand past it: 413) and the bytes on the wire
 *   (`receivedEncodedLength`) against Content-Length.
 * - JSON is parsed with plain JSON.parse, which keeps a key named `__proto__` as an own
 *   property. Fastify's default parser refuses such a body whole (400), so a form field
 *   of that name held its whole batch; the push code copies form answers as own
 *   properties only (office/sync/push.ts), so nothing reaches a prototype.
 */
export function readSyncBodies(api: FastifyInstance): void {
  api.addHook('preParsing', async (request: FastifyRequest, _reply, payload) => {
    const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    if (encoding !== 'gzip')
      throw new UnsupportedEncodingError(
        `unsupported Content-Encoding ${encoding}; this office takes ${REQUEST_ENCODINGS.join(', ')}`,
      );
    const inflated = createGunzip() as ReturnType<typeof createGunzip> & { receivedEncodedLength: number };
    inflated.receivedEncodedLength = 0;
    payload.on('data', (chunk: Buffer) => (inflated.receivedEncodedLength += chunk.length));
    payload.on('error', (error) => inflated.destroy(error));
    payload.pipe(inflated);
    return inflated;
  });
  api.removeContentTypeParser('application/json');
  api.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(Object.assign(new Error('body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
}
