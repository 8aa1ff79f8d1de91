import { ADMIN_PASSWORD } from './office.ts';

/** A tiny cookie-keeping browser for the dashboard. */
export class Staff {
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
  form(path: string, fields: Record<string, string>) {
    return this.req(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
  async signIn(password = ADMIN_PASSWORD, username = 'admin') {
    const page = await (await this.req('/login')).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    return this.form('/login', { csrf, username, password });
  }
  async csrf(path = '/') {
    return /name="csrf" value="([^"]+)"/.exec(await (await this.req(path)).text())![1]!;
  }
}
