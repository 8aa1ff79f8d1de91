import { createServer, connect, type Server, type Socket, type AddressInfo } from 'node:net';

/**
 * A poor commune link in user space (netem is not available here): a TCP proxy on
 * 127.0.0.1 that gives each direction a bandwidth, adds half the round trip each way,
 * and models packet loss the way TCP feels it — a lost segment is sent again one round
 * trip later and everything behind it waits (head-of-line blocking), so 1 % loss costs
 * time, never bytes. `cut()` drops every open connection, as a 4G router that loses its
 * signal. Segments are 1,460 bytes (an Ethernet MSS); the loss draw is seeded.
 */
export interface LinkOptions {
  target: { host: string; port: number };
  /** Kiosk → office, bits per second. */
  upBitsPerSecond: number;
  /** Office → kiosk, bits per second. */
  downBitsPerSecond: number;
  rttMs: number;
  /** Probability that a segment is lost (and resent after one round trip). */
  loss: number;
  seed?: number;
}

export interface EmulatedLink {
  url: string;
  /** Bytes carried each way (payload, as TCP delivers it). */
  bytes: { up: number; down: number };
  cut(): void;
  close(): Promise<void>;
}

const SEGMENT = 1460;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One direction of the link: a serialising queue with a rate, a delay and losses.
 * Segments leave through one ordered queue and one timer (timers of different lengths
 * may fire out of order at millisecond rounding; bytes must not).
 */
class Direction {
  private wireFreeAt = 0;
  private lastDeliveryAt = 0;
  private readonly queue: { at: number; deliver: () => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly bitsPerSecond: number,
    private readonly oneWayMs: number,
    private readonly rttMs: number,
    private readonly loss: number,
    private readonly random: () => number,
    private readonly count: (n: number) => void,
  ) {}

  send(data: Buffer, to: Socket): void {
    for (let off = 0; off < data.length; off += SEGMENT) {
      const segment = data.subarray(off, off + SEGMENT);
      const now = performance.now();
      const start = Math.max(now, this.wireFreeAt);
      this.wireFreeAt = start + (segment.length * 8 * 1000) / this.bitsPerSecond;
      let arrival = this.wireFreeAt + this.oneWayMs;
      if (this.random() < this.loss) arrival += this.rttMs; // resent after a round trip
      this.enqueue(arrival, () => {
        if (!to.destroyed) {
          to.write(segment);
          this.count(segment.length);
        }
      });
    }
  }

  /** Runs after everything queued before it (a close forwarded in order). */
  after(fn: () => void): void {
    this.enqueue(performance.now(), fn);
  }

  private enqueue(arrival: number, deliver: () => void): void {
    // In order: nothing overtakes what was sent before it (a lost segment holds the rest).
    const at = Math.max(arrival, this.lastDeliveryAt);
    this.lastDeliveryAt = at;
    this.queue.push({ at, deliver });
    if (this.queue.length === 1) this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    const head = this.queue[0];
    if (!head) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const now = performance.now();
        while (this.queue.length && this.queue[0]!.at <= now + 0.5) this.queue.shift()!.deliver();
        this.pump();
      },
      Math.max(0, head.at - performance.now()),
    );
  }
}

export async function startLinkEmulator(options: LinkOptions): Promise<EmulatedLink> {
  const random = mulberry32(options.seed ?? 1);
  const sockets = new Set<Socket>();
  const bytes = { up: 0, down: 0 };
  const oneWay = options.rttMs / 2;
  // One shared queue per direction: the link's bandwidth is shared by all connections.
  const up = new Direction(options.upBitsPerSecond, oneWay, options.rttMs, options.loss, random, (n) => {
    bytes.up += n;
  });
  const down = new Direction(options.downBitsPerSecond, oneWay, options.rttMs, options.loss, random, (n) => {
    bytes.down += n;
  });
  const server: Server = createServer((client) => {
    client.pause();
    // The TCP handshake takes a round trip before the first byte may go.
    setTimeout(() => {
      const office = connect(options.target.port, options.target.host, () => client.resume());
      sockets.add(client);
      sockets.add(office);
      client.on('data', (d: Buffer) => up.send(d, office));
      office.on('data', (d: Buffer) => down.send(d, client));
      client.on('end', () => up.after(() => office.end()));
      office.on('end', () => down.after(() => client.end()));
      const drop = () => {
        client.destroy();
        office.destroy();
        sockets.delete(client);
        sockets.delete(office);
      };
      client.on('error', drop);
      office.on('error', drop);
      client.on('close', () => down.after(drop));
      office.on('close', () => up.after(drop));
    }, options.rttMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes,
    cut() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
