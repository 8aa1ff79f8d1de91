import { afterAll, beforeAll, expect, it } from 'vitest';
import { testOffice, ADMIN_PASSWORD } from './test-support/office.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { createAccount } from './staff/accounts.ts';

/** A cookie-keeping browser for the staff pages. */
class Staff {
  jar = new Map<string, string>();
  constructor(readonly base: string) {}
  async req(path: string, init: RequestInit = {}) {
    const res = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
  async csrf(path: string) {
    return /name="csrf" value="([^"]+)"/.exec(await (await this.req(path)).text())![1]!;
  }
  async form(path: string, fields: Record<string, string>, csrfFrom = '/account/password') {
    return this.req(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: await this.csrf(csrfFrom), ...fields }).toString(),
    });
  }
  async signIn(username: string, password: string) {
    return this.form('/login', { username, password }, '/login');
  }
}

forEachDatabase('staff accounts', (target) => {
  let office: Awaited<ReturnType<typeof testOffice>>;
  let lanId: number;
  beforeAll(async () => {
    office = await testOffice(await target.fresh());
    lanId = await createAccount(
      office.database.db,
      { username: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'officer', password: 'mat-khau-cua-lan' },
      Date.now(),
    );
  }, 60_000);
  afterAll(async () => office.cleanup());

  it('an administrator resets a password: the person is signed out, and the temporary one must be changed first', async () => {
    const lan = new Staff(office.url);
    expect((await lan.signIn('lan.nt', 'mat-khau-cua-lan')).headers.get('location')).toBe('/');
    const admin = new Staff(office.url);
    await admin.signIn('admin', ADMIN_PASSWORD);

    // Asked first, done when confirmed.
    const ask = await admin.form(`/accounts/${lanId}/reset-password`, {}, '/accounts');
    expect(await ask.text()).toContain('lan.nt');
    expect((await lan.req('/')).status).toBe(200);
    const done = await (
      await admin.form(`/accounts/${lanId}/reset-password`, { confirmed: 'yes' }, '/accounts')
    ).text();
    const temporary = /: ([A-Za-z0-9_-]{12})</.exec(done)![1]!;
    expect((await lan.req('/')).headers.get('location')).toBe('/login');
    expect((await lan.signIn('lan.nt', 'mat-khau-cua-lan')).headers.get('location')).toBe('/login?failed=1');

    // Signed in with the temporary password, every page leads to the password change.
    expect((await lan.signIn('lan.nt', temporary)).headers.get('location')).toBe('/');
    expect((await lan.req('/')).headers.get('location')).toBe('/account/password');
    expect((await lan.req('/reports/weekly')).headers.get('location')).toBe('/account/password');

    // Refusals keep the page and say why.
    const mismatch = await lan.form('/account/password', {
      current: temporary,
      next: 'mat-khau-moi-cua-lan',
      confirm: 'mat-khau-khac',
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('Hai lần nhập mật khẩu mới không giống nhau.');
    const changed = await lan.form('/account/password', {
      current: temporary,
      next: 'mat-khau-moi-cua-lan',
      confirm: 'mat-khau-moi-cua-lan',
    });
    expect(changed.status).toBe(200);
    expect((await lan.req('/')).status).toBe(200);
    expect(
      (await new Staff(office.url).signIn('lan.nt', 'mat-khau-moi-cua-lan')).headers.get('location'),
    ).toBe('/');
  });

  it('an administrator disables an account (its sessions end at once) and enables it again; not their own', async () => {
    const lan = new Staff(office.url);
    await lan.signIn('lan.nt', 'mat-khau-moi-cua-lan');
    expect((await lan.req('/')).status).toBe(200);
    const admin = new Staff(office.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    await admin.form(`/accounts/${lanId}/disable`, { confirmed: 'yes' }, '/accounts');
    expect((await lan.req('/')).headers.get('location')).toBe('/login');
    expect((await lan.signIn('lan.nt', 'mat-khau-moi-cua-lan')).headers.get('location')).toBe(
      '/login?failed=1',
    );
    const page = await (await admin.req('/accounts?lang=en')).text();
    expect(page).toContain('Disabled');

    const adminRow = await office.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const self = await admin.form(`/accounts/${adminRow.id}/disable`, { confirmed: 'yes' }, '/accounts');
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('You cannot disable your own account.');

    await admin.form(`/accounts/${lanId}/enable`, {}, '/accounts');
    expect((await lan.signIn('lan.nt', 'mat-khau-moi-cua-lan')).headers.get('location')).toBe('/');
  });

  it('an administrator ends all sessions of an account; an officer can do none of this', async () => {
    const lan = new Staff(office.url);
    expect((await lan.signIn('lan.nt', 'mat-khau-moi-cua-lan')).headers.get('location')).toBe('/');
    expect((await lan.req('/')).status).toBe(200);
    expect((await lan.form(`/accounts/${lanId}/end-sessions`, { confirmed: 'yes' }, '/')).status).toBe(403);
    const admin = new Staff(office.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    await admin.form(`/accounts/${lanId}/end-sessions`, { confirmed: 'yes' }, '/accounts');
    expect((await lan.req('/')).headers.get('location')).toBe('/login');
  });
});
