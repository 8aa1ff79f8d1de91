import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy that injects the failures a commune office link produces.
 * One fault per request, drawn from a seeded generator so a failing run can be replayed.
 */
export const FAULTS = [
  'pass',
  /** Answer late. */
  'delay',
  /** Never answer; the client must time out. */
  'drop',
  /** Send the office half the request body, then reset both connections. */
  'reset-mid-request',
  /** Let the office process (and commit) the request, then reset before the answer reaches the client. */
  'reset-after-commit',
  /** Forward the answer's headers and half its body, then close. */
  'truncate',
  /** A captive portal: 200 with an HTML page, the office never sees the request. */
  'html-200',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxyOptions {
  target: { host: string; port: number };
  /** Weight per fault; missing faults weigh 0. */
  weights: Partial<Record<Fault, number>>;
  seed?: number;
  delayMs?: number;
  /** Only these paths get faults (others pass), e.g. /api/sync/push. */
  faultPaths?: (path: string) => boolean;
  onForward?: (path: string) => void;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = rng(options.seed ?? 1);
  const entries = FAULTS.map((f) => [f, options.weights[f] ?? 0] as const).filter(([, w]) => w > 0);
  const total = entries.reduce((n, [, w]) => n + w, 0);
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const pick = (): Fault => {
    let r = random() * total;
    for (const [f, w] of entries) if ((r -= w) < 0) return f;
    return 'pass';
  };
  const held = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      const fault = !options.faultPaths || options.faultPaths(path) ? pick() : 'pass';
      counts[fault]++;
      handle(fault, req, res, body, path);
    });
  });

  function forward(
    req: IncomingMessage,
    body: Buffer,
    path: string,
    partial: boolean,
    onResponse: (up: IncomingMessage | null, data: Buffer) => void,
  ) {
    const up = httpRequest(
      {
        host: options.target.host,
        port: options.target.port,
        method: req.method,
        path,
        headers: {
          ...req.headers,
          host: `${options.target.host}:${options.target.port}`,
          connection: 'close',
        },
      },
      (upRes) => {
        const parts: Buffer[] = [];
        upRes.on('data', (c: Buffer) => parts.push(c));
        upRes.on('end', () => onResponse(upRes, Buffer.concat(parts)));
        upRes.on('error', () => onResponse(null, Buffer.alloc(0)));
      },
    );
    up.on('error', () => onResponse(null, Buffer.alloc(0)));
    options.onForward?.(path);
    if (partial) {
      up.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => up.destroy(), 20);
      return up;
    }
    up.end(body);
    return up;
  }

  function handle(fault: Fault, req: IncomingMessage, res: ServerResponse, body: Buffer, path: string) {
    const relay = (upRes: IncomingMessage | null, data: Buffer) => {
      if (!upRes) {
        // The office is down: what a reverse proxy in front of it would say.
        if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' }).end('Bad gateway');
        return;
      }
      const headers = { ...upRes.headers };
      delete headers['transfer-encoding'];
      headers['content-length'] = String(data.length);
      if (fault === 'reset-after-commit') {
        res.socket?.destroy();
        return;
      }
      res.writeHead(upRes.statusCode ?? 502, headers);
      if (fault === 'truncate') {
        res.write(data.subarray(0, Math.floor(data.length / 2)));
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      res.end(data);
    };
    switch (fault) {
      case 'html-200':
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end('<!doctype html><html><body><h1>Wi-Fi xã — đăng nhập</h1></body></html>');
        return;
      case 'drop':
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'reset-mid-request':
        forward(req, body, path, true, () => {});
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case 'delay':
        setTimeout(() => forward(req, body, path, false, relay), options.delayMs ?? 300);
        return;
      default:
        forward(req, body, path, false, relay);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    async close() {
      for (const r of held) r.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
