import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testOffice } from '../test-support/office.ts';
import { Staff } from '../test-support/staff-browser.ts';
import { forEachDatabase } from '../test-support/db-targets.ts';
import { currentCatalogue, publishConfig, publishedVersions } from '../published-config.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';

const PROFILE = readFileSync(new URL('../../assets/profiles/gia-lam.json', import.meta.url), 'utf8');
const PATH = '/config/catalogue/form';
/** Served by the Gia Lâm profile (Tuesday, no-appointment day). */
const USED = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
/** Not in the Gia Lâm profile at all. */
const UNUSED = CATALOGUE.procedures.find((p) => p.code === '1.011443')!;
const rowOf = (code: string) => String(CATALOGUE.procedures.findIndex((p) => p.code === code));

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The fields a browser would post from the page's catalogue form, in page order (no submit button). */
function formFields(page: string): [string, string][] {
  const form = /<form method="post" action="\/config\/catalogue\/form"[\s\S]*?<\/form>/.exec(page)![0];
  const fields: [string, string][] = [];
  for (const m of form.matchAll(
    /<input\b([^>]*)>|<textarea\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    if (m[2]) {
      fields.push([m[2], unescape(m[3]!)]);
      continue;
    }
    if (m[4]) {
      const options = [...m[5]!.matchAll(/<option value="([^"]*)"\s*(selected)?/g)];
      const chosen = options.find((o) => o[2]) ?? options[0]!;
      fields.push([m[4], unescape(chosen[1]!)]);
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

const post = (staff: Staff, fields: [string, string][], lang = 'vi') =>
  staff.req(`${PATH}?lang=${lang}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

/** Sets the `nth` field called `name` (a procedure's row, counted from 0). */
function setNth(fields: [string, string][], name: string, nth: number, value: string): [string, string][] {
  let seen = -1;
  return fields.map(([k, v]): [string, string] => [k, k === name && ++seen === nth ? value : v]);
}
const row = (code: string) => Number(rowOf(code));

forEachDatabase('procedure catalogue form', (target) => {
  let office: Awaited<ReturnType<typeof testOffice>>;
  let staff: Staff;
  let adminId: number;
  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    const admin = await office.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
    adminId = Number(admin.id);
    expect((await publishConfig(office.database.db, 'profile', PROFILE, adminId, Date.now())).ok).toBe(true);
    staff = new Staff(office.url);
    await staff.signIn();
  }, 60_000);
  afterAll(async () => office.cleanup());

  it('opens on the shipped catalogue, procedures by name; a fee edited and published becomes current', async () => {
    const page = await (await staff.req(PATH)).text();
    expect(page).toContain(`các ki-ốt đang dùng danh mục cài sẵn (${CATALOGUE.version})`);
    expect(page).toContain(
      `<span class="procedure-title" id="proc-0-name">${CATALOGUE.procedures[0]!.name.vi}</span>`,
    );
    const fields = formFields(page);
    expect(fields.filter(([k]) => k === 'code').map(([, v]) => v)).toEqual([
      ...CATALOGUE.procedures.map((p) => p.code),
      '',
    ]);
    const changed = setNth(fields, 'feeAmount', row(USED.code), '3.000');
    const feeVi = setNth(changed, 'feeVi', row(USED.code), '3.000 đồng/trang');
    const saved = await post(staff, feeVi);
    expect(saved.status).toBe(200);
    const text = await saved.text();
    expect(text).toContain('role="status"');
    const current = await currentCatalogue(office.database.db);
    expect(current?.procedures.find((p) => p.code === USED.code)?.fee).toEqual({
      amountVnd: 3000,
      description: { vi: '3.000 đồng/trang', en: USED.fee.description.en },
    });
    // The page now edits what was published.
    const [latest] = await publishedVersions(office.database.db, 'catalogue');
    expect(text).toContain(`Đang sửa phiên bản hiện hành ${latest!.version}.`);
    expect(formFields(text)).toContainEqual(['baseVersion', latest!.version]);
  });

  it('refuses what the kiosk would reject: every reason by procedure name, the typed text kept, nothing published', async () => {
    const before = await publishedVersions(office.database.db, 'catalogue');
    let fields = formFields(await (await staff.req(`${PATH}?lang=en`)).text());
    fields.push(['remove', rowOf(USED.code)]);
    fields = setNth(fields, 'feeAmount', row(UNUSED.code), 'hai nghìn');
    fields = setNth(fields, 'nameEn', row(UNUSED.code), 'Deregistering <a "security"> interest');
    fields = setNth(fields, 'portalUrl', row(UNUSED.code), 'dichvucong');
    const refused = await post(staff, fields, 'en');
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('Not published: 2 thing(s) to fix.');
    expect(page).toContain('&quot;hai nghìn&quot; is not an amount');
    expect(page).toContain('Not a valid link');
    // The removal the profile forbids is refused by the pair check only once the text reads.
    expect(page).not.toContain('The office configuration uses this procedure');
    expect(page).toMatch(
      new RegExp(`id="proc-${rowOf(UNUSED.code)}"[^>]*open[\\s\\S]*?class="error form-problems"`),
    );
    const kept = formFields(page);
    expect(kept).toContainEqual(['remove', rowOf(USED.code)]);
    expect(kept).toContainEqual(['nameEn', 'Deregistering <a "security"> interest']);
    expect(kept).toContainEqual(['feeAmount', 'hai nghìn']);

    // Fixed, the removal of a procedure the profile serves is refused, by name, in its part.
    const fixed = setNth(setNth(kept, 'feeAmount', row(UNUSED.code), ''), 'portalUrl', row(UNUSED.code), '');
    const pair = await post(staff, fixed, 'en');
    expect(pair.status).toBe(400);
    const pairPage = await pair.text();
    expect(pairPage).toContain(`>${USED.name.en}</a>`);
    expect(pairPage).toContain('The office configuration uses this procedure (Tuesday · No-appointment day');
    expect(pairPage).toMatch(
      new RegExp(
        `id="proc-${rowOf(USED.code)}"[^>]*open[\\s\\S]*?The office configuration uses this procedure`,
      ),
    );
    expect(formFields(pairPage)).toContainEqual(['nameEn', 'Deregistering <a "security"> interest']);
    expect(await publishedVersions(office.database.db, 'catalogue')).toEqual(before);
  });

  it('asks to confirm a removal by name, then publishes without the procedure', async () => {
    const fields = formFields(await (await staff.req(PATH)).text());
    fields.push(['remove', rowOf(UNUSED.code)]);
    const asked = await post(staff, fields);
    expect(asked.status).toBe(200);
    const page = await asked.text();
    expect(page).toMatch(/id="confirm-removal"[\s\S]*?<strong>([^<]*)<\/strong>/);
    expect(/id="confirm-removal"[\s\S]*?<strong>([^<]*)<\/strong>/.exec(page)?.[1]).toBe(UNUSED.name.vi);
    expect((await currentCatalogue(office.database.db))?.procedures.some((p) => p.code === UNUSED.code)).toBe(
      true,
    );
    const confirmed = await post(staff, [...formFields(page), ['confirmRemoval', UNUSED.code]]);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('role="status"');
    const current = await currentCatalogue(office.database.db);
    expect(current?.procedures.map((p) => p.code)).toEqual(
      CATALOGUE.procedures.filter((p) => p !== UNUSED).map((p) => p.code),
    );
  });

  it('does not silently undo a version published while the form was open', async () => {
    const opened = formFields(await (await staff.req(`${PATH}?lang=en`)).text());
    const meanwhile = { ...(await currentCatalogue(office.database.db))!, version: '2026.12-other' };
    const other = await publishConfig(
      office.database.db,
      'catalogue',
      JSON.stringify(meanwhile),
      adminId,
      Date.now(),
    );
    expect(other.ok).toBe(true);

    const stale = await post(staff, setNth(opened, 'timeVi', row(USED.code), 'Trong ngày'), 'en');
    expect(stale.status).toBe(400);
    const page = await stale.text();
    expect(page).toContain(`someone published version ${other.ok ? other.version : '?'}.`);
    expect((await currentCatalogue(office.database.db))?.version).toBe('2026.12-other');
    // Looked at again, the same save goes through.
    expect((await post(staff, formFields(page))).status).toBe(200);
    const saved = await currentCatalogue(office.database.db);
    expect(saved?.procedures.find((p) => p.code === USED.code)?.processingTime.description.vi).toBe(
      'Trong ngày',
    );
  });

  it('lets only heads of office and administrators open it, and /config links to it', async () => {
    expect(await (await staff.req('/config')).text()).toContain('href="/config/catalogue/form"');
    const csrf = await staff.csrf('/accounts');
    await staff.form('/accounts', {
      csrf,
      username: 'officer.catalogue',
      displayName: 'Cán bộ',
      role: 'officer',
      password: 'officer-password-1',
    });
    await office.database.db
      .updateTable('accounts')
      .set({ must_change_password: 0 })
      .where('username', '=', 'officer.catalogue')
      .execute();
    const officer = new Staff(office.url);
    await officer.signIn('officer-password-1', 'officer.catalogue');
    expect((await officer.req(PATH)).status).toBe(403);
    const csrfOfficer = await officer.csrf('/');
    expect((await post(officer, [['csrf', csrfOfficer]])).status).toBe(403);
  });
});
