import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testOffice } from '../test-support/office.ts';
import { Staff } from '../test-support/staff-browser.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { currentProfile, publishConfig, publishedVersions } from '../published-config.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';

const PROFILE = readFileSync(new URL('../../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
const PATH = '/config/profile/form';

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields a browser would post from the page's profile form, in page order. */
function formFields(page: string): [string, string][] {
  const form = /<form method="post" action="\/config\/profile\/form"[\s\S]*?<\/form>/.exec(page)![0];
  const fields: [string, string][] = [];
  for (const m of form.matchAll(
    /<input\b([^>]*)>|<textarea\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g,
  )) {
    if (m[2]) {
      fields.push([m[2], unescape(m[3]!)]);
      continue;
    }
    const attrs = m[1]!;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    const value = unescape(/\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '');
    if (/type="checkbox"/.test(attrs) && !/\bchecked\b/.test(attrs)) continue;
    fields.push([name, value]);
  }
  return fields;
}

const post = (staff: Staff, fields: [string, string][]) =>
  staff.req(PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const set = (fields: [string, string][], name: string, value: string) =>
  fields.map(([k, v]): [string, string] => [k, k === name ? value : v]);

forEachDatabase('office profile form', (target) => {
  let office: Awaited<ReturnType<typeof testOffice>>;
  let staff: Staff;
  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    const admin = await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    expect(
      (await publishConfig(office.database.db, 'profile', PROFILE, Number(admin.id), Date.now())).ok,
    ).toBe(true);
    staff = new Staff(office.url);
    await staff.signIn();
  }, 60_000);
  afterAll(async () => office.cleanup());

  it('shows the published profile as forms, procedures by name; saved as it is, it publishes', async () => {
    const page = await (await staff.req(PATH)).text();
    const certification = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
    expect(page).toContain(`<th scope="row" class="procedure-name">${certification.name.vi}</th>`);
    // Codes only in the values posted back, never as text a person reads.
    expect(page.replace(/value="[^"]*"|aria-label="[^"]*"|placeholder="[^"]*"/g, '')).not.toContain(
      '2.000815',
    );
    const fields = formFields(page);
    expect(fields).toContainEqual(['cell', '2:no-appointment:2.000815']);
    expect(fields).toContainEqual(['holidays', expect.stringContaining('02/09/2026')]);

    const changed = set(fields, 'officeName', 'Trung tâm Phục vụ hành chính công xã Gia Lâm (mới)');
    const saved = await post(staff, changed);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('role="status"');
    expect((await currentProfile(office.database.db))?.office.name).toBe(
      'Trung tâm Phục vụ hành chính công xã Gia Lâm (mới)',
    );
  });

  it('refuses a profile the kiosk would reject: every reason shown, the typed text kept, nothing published', async () => {
    const before = await publishedVersions(office.database.db, 'profile');
    let fields = formFields(await (await staff.req(`${PATH}?lang=en`)).text());
    // A cashless Tuesday without the account to print its QR code, and a date that does not exist.
    fields.push(['runs', '2:cashless']);
    fields = set(fields, 'bankBin', '');
    fields = set(fields, 'bankAccountNumber', '');
    fields = set(fields, 'bankAccountName', '');
    fields = set(fields, 'holidays', '01/01/2027\n30/02/2027');
    fields = set(fields, 'address', 'Số 1 <Đường> "Hà Huy Tập"');
    const refused = await post(staff, fields);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('Not published: 2 thing(s) to fix.');
    expect(page).toContain('&quot;30/02/2027&quot; is not a real date');
    expect(page).toContain('Tuesday · Cashless day');
    expect(page).toContain('A cashless day needs the fee account');
    // Each reason also inside its section, and the form comes back as typed.
    expect(page).toMatch(/id="section-holidays">[\s\S]*?class="error form-problems"/);
    expect(page).toMatch(
      /id="section-bank">[\s\S]*?class="error form-problems"[\s\S]*?Tuesday · Cashless day/,
    );
    expect(page).toContain('>01/01/2027\n30/02/2027</textarea>');
    expect(page).toContain('value="Số 1 &lt;Đường&gt; &quot;Hà Huy Tập&quot;"');
    expect(formFields(page)).toContainEqual(['runs', '2:cashless']);
    expect(await publishedVersions(office.database.db, 'profile')).toEqual(before);
  });

  it('does not silently undo a version published while the form was open', async () => {
    const opened = formFields(await (await staff.req(`${PATH}?lang=en`)).text());
    const admin = await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    const meanwhile = JSON.stringify({ ...JSON.parse(PROFILE), notes: ['phát hành từ máy khác'] });
    const other = await publishConfig(office.database.db, 'profile', meanwhile, Number(admin.id), Date.now());
    expect(other.ok).toBe(true);

    const stale = await post(staff, set(opened, 'agencyCode', 'X00565-B'));
    expect(stale.status).toBe(400);
    const page = await stale.text();
    expect(page).toContain(`someone published version ${other.ok ? other.version : '?'}.`);
    expect((await currentProfile(office.database.db))?.office.agencyCode).toBe('X00565');
    // Looked at again, the same save goes through, on top of the other person's version.
    expect((await post(staff, formFields(page))).status).toBe(200);
    const saved = await currentProfile(office.database.db);
    expect(saved?.office.agencyCode).toBe('X00565-B');
    expect(saved?.notes).toEqual(['phát hành từ máy khác']);
  });

  it('lets only heads of office and administrators open it', async () => {
    const admin = new Staff(office.url);
    await admin.signIn();
    const csrf = await admin.csrf('/accounts');
    await admin.form('/accounts', {
      csrf,
      username: 'officer.form',
      displayName: 'Cán bộ',
      role: 'officer',
      password: 'officer-password-1',
    });
    await office.database.db
      .updateTable('accounts')
      .set({ must_change_password: 0 })
      .where('username', '=', 'officer.form')
      .execute();
    const officer = new Staff(office.url);
    await officer.signIn('officer-password-1', 'officer.form');
    expect((await officer.req(PATH)).status).toBe(403);
  });
});
