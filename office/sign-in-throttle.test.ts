import { request, type IncomingHttpHeaders } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testOffice, ADMIN_PASSWORD } from './test-support/office.ts';
import { forEachDatabase, type DbTarget } from './test-support/db-targets.ts';
import type { DbConfig } from './db/connect.ts';
import {
  throttledSignIn,
  throttleKeys,
  LOCK_MS,
  NAME_DELAYS_MS,
  WINDOW_MS,
} from './auth/sign-in-throttle.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;
interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A cookie-keeping browser that connects from a chosen loopback address (the whole of
 * 127.0.0.0/8 reaches a server on 127.0.0.1), so one test can be several clients.
 */
class Browser {
  jar = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly from = '127.0.0.1',
  ) {}
  req(path: string, form?: Record<string, string>): Promise<Answer> {
    const url = new URL(path, this.base);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    return new Promise((resolve, reject) => {
      const r = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: form ? 'POST' : 'GET',
          localAddress: this.from,
          headers: {
            Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(body
              ? {
                  'Content-Type': 'application/x-www-form-urlencoded',
                  'Content-Length': Buffer.byteLength(body),
                }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            for (const c of res.headers['set-cookie'] ?? []) {
              const [pair] = c.split(';');
              const i = pair!.indexOf('=');
              this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
            }
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            });
          });
        },
      );
      r.on('error', reject);
      r.end(body);
    });
  }
  async signIn(username: string, password: string, lang?: 'en'): Promise<Answer> {
    const page = await this.req(lang ? `/login?lang=${lang}` : '/login');
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return this.req('/login', { csrf, username, password });
  }
}

const failed = (a: Answer) => expect([a.status, a.headers.location]).toEqual([303, '/login?failed=1']);
const signedIn = (a: Answer) => expect([a.status, a.headers.location]).toEqual([303, '/']);
const refused = (a: Answer, text: string) => {
  expect(a.status).toBe(429);
  expect(a.body).toContain(`<p class="error" role="alert">${text}</p>`);
  expect(a.headers['set-cookie']?.some((c) => c.startsWith('office_session='))).toBeFalsy();
};
const MINUTE = 60_000;

forEachDatabase('staff sign-in throttling', (target: DbTarget) => {
  // 23/11/2026 09:00:20 in Vietnam: the lock of a failure now ends at 09:15:20, shown as 09:16.
  const START = Date.UTC(2026, 10, 23, 2, 0, 20);
  let time = START;
  const clock = () => time;
  let config: DbConfig;
  let office: Office;
  const extra: Office[] = [];

  beforeEach(async () => {
    time = START;
    config = await target.fresh();
    office = await testOffice({ ...config, now: clock });
  }, 60_000);
  afterEach(async () => {
    await office.cleanup();
    for (const o of extra.splice(0)) await o.cleanup();
  });

  it('refuses the 6th sign-in after 5 wrong passwords, even with the right one, with 429 and the message, until 15 minutes have passed', async () => {
    const staff = new Browser(office.url);
    for (let i = 0; i < 5; i++) {
      failed(await staff.signIn('admin', 'wrong'));
      time += MINUTE; // five failures within 15 minutes, not all at once
    }
    const sixth = await staff.signIn('admin', ADMIN_PASSWORD);
    refused(sixth, 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 09:20.');
    // Locked from the 5th failure (09:04:20) for 15 minutes, to 09:19:20 (shown rounded up);
    // it is 09:05:20 now.
    expect(sixth.headers['retry-after']).toBe(String((LOCK_MS - 1 * MINUTE) / 1000));
    // The refused page is a working sign-in page in the chosen language.
    refused(
      await staff.signIn('admin', ADMIN_PASSWORD, 'en'),
      'Too many failed sign-ins. Please try again after 09:20.',
    );
    // A wait of a minute or less is said in seconds.
    time = START + 4 * MINUTE + LOCK_MS - 1;
    refused(
      await staff.signIn('admin', ADMIN_PASSWORD),
      'Too many failed sign-ins. Please wait 1 s, then sign in again.',
    );
    time += 1;
    signedIn(await staff.signIn('admin', ADMIN_PASSWORD));
  });

  it('locks a client address that guesses across names, and a success resets only the account', async () => {
    const a = new Browser(office.url, '127.0.0.2');
    const b = new Browser(office.url, '127.0.0.3');
    for (let i = 0; i < 4; i++) failed(await a.signIn('admin', 'wrong'));
    signedIn(await a.signIn('admin', ADMIN_PASSWORD));
    // Had the success not reset the account's count, the 5th failure below would lock it.
    for (let i = 0; i < 4; i++) failed(await b.signIn('admin', 'wrong'));
    signedIn(await b.signIn('admin', ADMIN_PASSWORD));
    // Address a still has its 4 failures: a 5th, under another name, locks the address...
    failed(await a.signIn('someone.else', 'wrong'));
    refused(
      await a.signIn('admin', ADMIN_PASSWORD),
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 09:16.',
    );
    // ...not the account, which another client can still use.
    signedIn(await new Browser(office.url, '127.0.0.4').signIn('admin', ADMIN_PASSWORD));
  });

  it('answers an unknown account name exactly as a known one', async () => {
    const known = new Browser(office.url, '127.0.0.5');
    const unknown = new Browser(office.url, '127.0.0.6');
    for (let i = 0; i < 5; i++) {
      const x = await known.signIn('admin', 'wrong');
      const y = await unknown.signIn('nobody.here', 'wrong');
      failed(x);
      expect([y.status, y.headers.location, y.body]).toEqual([x.status, x.headers.location, x.body]);
    }
    const x = await known.signIn('admin', ADMIN_PASSWORD);
    const y = await unknown.signIn('nobody.here', ADMIN_PASSWORD);
    const text = 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 09:16.';
    refused(x, text);
    refused(y, text);
    const anonymous = (s: string) => s.replace(/name="csrf" value="[^"]+"/, 'name="csrf" value=""');
    expect(anonymous(y.body)).toBe(anonymous(x.body));
    expect(y.headers['retry-after']).toBe(x.headers['retry-after']);
  });

  it('shares the count between server processes on one database and keeps it across a restart', async () => {
    const second = await testOffice({ ...config, now: clock });
    extra.push(second);
    const one = new Browser(office.url);
    const two = new Browser(second.url);
    for (let i = 0; i < 3; i++) failed(await one.signIn('admin', 'wrong'));
    for (let i = 0; i < 2; i++) failed(await two.signIn('admin', 'wrong'));
    refused(
      await one.signIn('admin', ADMIN_PASSWORD),
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 09:16.',
    );
    await office.cleanup();
    await second.cleanup();
    extra.pop();
    office = await testOffice({ ...config, now: clock });
    refused(
      await new Browser(office.url).signIn('admin', ADMIN_PASSWORD),
      'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 09:16.',
    );
  });

  it('lets nobody lock admin out for good: guesses from many addresses slow to one a minute, the owner waits a minute', async () => {
    const db = office.database.db;
    let checked = 0;
    const guess = async () => (checked++, null);
    // Ten minutes of guesses at `admin`, one a second, each from an address of its own.
    for (let i = 0; i < 600; i++) {
      await throttledSignIn(db, throttleKeys('admin', `10.9.${i >> 8}.${i & 255}`), clock, guess);
      time += 1000;
    }
    // 5 free, then after waits of 1, 2, 4 … 32 s, then about one a minute.
    const ramp = NAME_DELAYS_MS.slice(0, -1).reduce((a, b) => a + b, 0) / 1000;
    expect(checked).toBeGreaterThanOrEqual(5 + NAME_DELAYS_MS.length - 1 + Math.floor((600 - ramp) / 61));
    expect(checked).toBeLessThanOrEqual(5 + NAME_DELAYS_MS.length + Math.ceil((600 - ramp) / 60));
    // The guesser's latest counted try makes the owner wait a minute, no more.
    time += 60_000;
    await throttledSignIn(db, throttleKeys('admin', '10.9.9.9'), clock, guess);
    const owner = new Browser(office.url, '127.0.0.7');
    refused(
      await owner.signIn('admin', ADMIN_PASSWORD),
      'Đăng nhập sai quá nhiều lần. Vui lòng chờ 60 giây rồi đăng nhập lại.',
    );
    time += 60_000;
    signedIn(await owner.signIn('admin', ADMIN_PASSWORD));
  });

  it('lets no more than 5 of a burst of parallel guesses reach the password check', async () => {
    let checks = 0;
    const slowWrong = async () => {
      checks++;
      await new Promise((r) => setTimeout(r, 20)); // the scrypt time, during which others arrive
      return null;
    };
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        throttledSignIn(office.database.db, throttleKeys('admin', `10.1.0.${i}`), clock, slowWrong),
      ),
    );
    expect(checks).toBe(5);
    expect(outcomes.filter((o) => !o.ok && o.lockedUntil !== null)).toHaveLength(7);
  });

  it('checks no password while locked, and prunes rows whose window and lock are over', async () => {
    const db = office.database.db;
    let checks = 0;
    const wrong = async () => (checks++, null);
    const keys = (name: string, address: string) => throttleKeys(name, address);
    for (let i = 0; i < 5; i++) await throttledSignIn(db, keys('admin', '10.0.0.1'), clock, wrong);
    expect(checks).toBe(5);
    // The name waits a second after its 5th failure; the address that made them, 15 minutes.
    const locked = await throttledSignIn(db, keys('ADMIN ', '10.0.0.2'), clock, wrong);
    expect(locked).toEqual({ ok: false, lockedUntil: START + NAME_DELAYS_MS[0]! });
    expect(checks).toBe(5);
    // An IPv4 client seen through a dual-stack socket is the same address.
    const viaV6 = await throttledSignIn(db, keys('other', '::ffff:10.0.0.1'), clock, wrong);
    expect(viaV6).toEqual({ ok: false, lockedUntil: START + LOCK_MS });
    expect(checks).toBe(5);
    const rows = async () =>
      Number(
        (
          await db
            .selectFrom('sign_in_throttle')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // admin, 10.0.0.1, and `other` (counted, then taken back when its address was refused).
    expect(await rows()).toBe(3);
    time = START + WINDOW_MS + LOCK_MS;
    expect(await throttledSignIn(db, keys('admin', '10.0.0.9'), clock, async () => 'ok')).toEqual({
      ok: true,
      value: 'ok',
    });
    // The old rows are gone; the new address row stays with nothing counted.
    expect(await rows()).toBe(1);
  });
});

describe('throttle keys', () => {
  it('name keys ignore case and surrounding space; keys never contain the name or address', () => {
    const a = throttleKeys(' Admin', '192.0.2.1');
    expect(a.account).toBe(throttleKeys('admin', '::ffff:192.0.2.1').account);
    expect(a.address).toBe(throttleKeys('x', '::ffff:192.0.2.1').address);
    expect(a.address).not.toBe(throttleKeys('x', '192.0.2.2').address);
    expect(JSON.stringify(a)).not.toMatch(/admin|192/i);
  });
});
