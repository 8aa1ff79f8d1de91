import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../services/app-origin.ts';
import { SECURITY_HEADERS } from '../services/security-policy.ts';
import { resolveStaticFile } from '../services/static-files.ts';

/**
 * Must run before the app's `ready` event. `standard` gives the scheme normal URL
 * semantics (relative URLs, a real origin) and, with it, IndexedDB and localStorage;
 * `secure` makes it a secure context like https (needed for the camera and
 * navigator.storage.persist()); `supportFetchAPI` lets the renderer fetch its own files.
 * No `bypassCSP`: the kiosk's own pages obey its CSP like any other.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serve the built renderer at kiosk://app/ with the same rules (and headers) as the headless host. */
export function handleAppProtocol(distDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return textResponse(404, 'Not Found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const found = await resolveStaticFile(distDir, url.pathname);
    if (!found) return textResponse(404, 'Not Found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.file));
    return new Response(body, {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': found.contentType,
        'Cache-Control': found.cacheControl,
      },
    });
  });
}
