import nodeFs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export interface StaticFile {
  file: string;
  contentType: string;
  cacheControl: string;
}

export interface StaticFileDeps {
  stat: (file: string) => Promise<{ isFile(): boolean }>;
}

const defaultDeps: StaticFileDeps = { stat: (file) => nodeFs.stat(file) };

/**
 * Map a URL path to a file of the built renderer, for both hosts. Paths are decoded and
 * normalised and must stay inside `root`; dotfiles are never served. A path without a
 * file extension that matches nothing is a client route and gets index.html; a missing
 * file with an extension is a real 404 (so a broken asset link is not hidden behind HTML).
 */
export async function resolveStaticFile(
  root: string,
  urlPath: string,
  deps: StaticFileDeps = defaultDeps,
): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const normalised = path.posix.normalize('/' + decoded);
  const segments = normalised.split('/').filter(Boolean);
  if (segments.some((segment) => segment.startsWith('.'))) return null;

  const rootResolved = path.resolve(root);
  const indexFile = path.join(rootResolved, 'index.html');
  const candidate = segments.length === 0 ? indexFile : path.join(rootResolved, ...segments);
  if (candidate !== rootResolved && !candidate.startsWith(rootResolved + path.sep)) return null;

  const isFile = async (file: string) => {
    try {
      return (await deps.stat(file)).isFile();
    } catch {
      return false;
    }
  };

  if (await isFile(candidate)) return describe(rootResolved, candidate);
  const last = segments.at(-1) ?? '';
  if (path.extname(last) === '' && (await isFile(indexFile))) return describe(rootResolved, indexFile);
  return null;
}

/**
 * The brotli copy of a built file (written beside it by the build, vite.config.ts) when the
 * browser accepts br; null to send the file as it is.
 */
export async function brotliVariant(
  file: string,
  acceptEncoding: string | undefined,
  deps: StaticFileDeps = defaultDeps,
): Promise<string | null> {
  const accepts = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([coding, ...params]) => coding === 'br' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)));
  if (!accepts) return null;
  try {
    return (await deps.stat(`${file}.br`)).isFile() ? `${file}.br` : null;
  } catch {
    return null;
  }
}

function describe(root: string, file: string): StaticFile {
  const ext = path.extname(file).toLowerCase();
  const relative = path.relative(root, file).split(path.sep).join('/');
  // Vite puts content-hashed files under assets/; everything else may change between releases.
  const cacheControl = relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  return { file, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', cacheControl };
}
