import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testOffice } from '../test-support/office.ts';
import { Staff } from '../test-support/staff-browser.ts';

/** The <html> element's opening tag. */
const htmlTag = (page: string) => /<html\b[^>]*>/.exec(page)![0];
const isLarge = (page: string) => /\bclass="large-text"/.test(htmlTag(page));

/** The header's text-size link: where it goes (unescaped) and what it says. */
function textLink(page: string): { href: string; label: string } {
  const m = /<a href="([^"]*[?&;]text=(?:large|normal))"\s*>\s*([^<]*?)\s*<\/a\s*>/.exec(page);
  expect(m, 'the header has a text-size link').not.toBeNull();
  return { href: m![1]!.replace(/&amp;/g, '&'), label: m![2]! };
}

/** The attributes of the Set-Cookie that sets `name`, the value left out. */
function cookieAttributes(res: Response, name: string): string[] | undefined {
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return set
    ?.split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase())
    .sort();
}

describe('large text on the staff pages', () => {
  let office: Awaited<ReturnType<typeof testOffice>>;
  beforeAll(async () => {
    office = await testOffice();
  }, 60_000);
  afterAll(async () => office.cleanup());

  it('works on the sign-in page, remembered like the language', async () => {
    const visitor = new Staff(office.url);
    const plain = await (await visitor.req('/login?lang=vi')).text();
    expect(isLarge(plain)).toBe(false);
    expect(textLink(plain)).toEqual({ href: '/login?text=large', label: 'Chữ to' });

    const res = await visitor.req('/login?text=large&lang=en');
    const large = await res.text();
    expect(htmlTag(large)).toBe('<html lang="en" class="large-text">');
    expect(textLink(large)).toEqual({ href: '/login?text=normal', label: 'Normal text' });
    // The same cookie options as the language's: a year, script-readable, whole site.
    expect(cookieAttributes(res, 'office_text')).toEqual(cookieAttributes(res, 'office_lang'));
    expect(cookieAttributes(res, 'office_text')).toContain('max-age=31536000');
    expect(visitor.jar.get('office_text')).toBe('large');

    expect(isLarge(await (await visitor.req('/login')).text())).toBe(true);
  });

  it('the link turns it on, the cookie keeps it on every staff page, text=normal turns it off', async () => {
    const staff = new Staff(office.url);
    await staff.req('/login?lang=vi');
    await staff.signIn();

    const queue = await (await staff.req('/')).text();
    expect(isLarge(queue)).toBe(false);
    expect(htmlTag(queue)).toBe('<html lang="vi" >');
    const on = textLink(queue);
    expect(on).toEqual({ href: '/?text=large', label: 'Chữ to' });

    const turnedOn = await (await staff.req(on.href)).text();
    expect(isLarge(turnedOn)).toBe(true);
    expect(textLink(turnedOn)).toEqual({ href: '/?text=normal', label: 'Chữ thường' });

    // No parameter: the cookie, on pages from pages.ts and the desk's own pages.
    for (const path of ['/kiosks', '/accounts', '/desk', '/desk/setup', '/account/password']) {
      const page = await (await staff.req(path)).text();
      expect(isLarge(page), path).toBe(true);
      expect(textLink(page), path).toEqual({ href: `${path}?text=normal`, label: 'Chữ thường' });
    }
    // An error page links to the start page, as its language link does.
    const missing = await (await staff.req('/no-such-page')).text();
    expect(isLarge(missing)).toBe(true);
    expect(textLink(missing)).toEqual({ href: '/?text=normal', label: 'Chữ thường' });
    // A page whose path has a query of its own keeps it, as the language link does.
    const report = await (await staff.req('/reports/weekly?from=01/06/2026&to=07/06/2026&lang=en')).text();
    expect(isLarge(report)).toBe(true);
    expect(textLink(report)).toEqual({
      href: '/reports/weekly?from=2026-06-01&to=2026-06-07&text=normal',
      label: 'Normal text',
    });
    expect(report).toContain('href="/reports/weekly?from=2026-06-01&amp;to=2026-06-07&amp;lang=vi"');

    const turnedOff = await (await staff.req(textLink(report).href)).text();
    expect(isLarge(turnedOff)).toBe(false);
    expect(textLink(turnedOff).label).toBe('Large text');
    expect(staff.jar.get('office_text')).toBe('normal');
    expect(isLarge(await (await staff.req('/kiosks')).text())).toBe(false);
  });

  it('ignores a value it does not know, keeping the remembered choice', async () => {
    const staff = new Staff(office.url);
    await staff.req('/login?text=large');
    const res = await staff.req('/login?text=huge');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('office_text='))).toBe(false);
    expect(isLarge(await res.text())).toBe(true);
  });
});
