import { afterEach, describe, expect, it } from 'vitest';
import { enrol, testOffice } from '../test-support/office.ts';
import {
  IssuedTicketSchema,
  OfflineTicketsAnswerSchema,
  QueueServicesAnswerSchema,
} from '../../shared/contracts/tickets.ts';
import { callAnnouncement } from './announcer.ts';

const OPENING = Date.parse('2026-11-23T07:30:00+07:00');
let office: Awaited<ReturnType<typeof testOffice>> | null = null;

afterEach(async () => {
  await office?.cleanup();
  office = null;
});

async function start() {
  let clock = OPENING;
  office = await testOffice({ now: () => clock });
  await office.tickets.configure(
    [{ id: 'A', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'] }],
    [{ id: 'q1', number: 1, serviceIds: ['A'], open: true }],
  );
  const kiosk = await enrol(office);
  const post = (path: string, body: unknown, token: string | null = kiosk.token) =>
    fetch(`${office!.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  return { kiosk, post, advance: (minutes: number) => (clock += minutes * 60_000) };
}

describe('the ticket queue over HTTP', () => {
  it('a kiosk takes a number with its token; no token, a bad body or an unknown service are refused', async () => {
    const { post } = await start();
    const res = await post('/api/tickets', { serviceId: 'A', priority: 'elderly' });
    expect(res.status).toBe(200);
    expect(IssuedTicketSchema.parse(await res.json())).toMatchObject({
      number: 'A-001',
      serviceName: 'Hộ tịch',
      counters: [1],
      peopleAhead: 0,
      priority: 'elderly',
    });
    expect((await post('/api/tickets', { serviceId: 'A', priority: null }, null)).status).toBe(401);
    expect((await post('/api/tickets', { serviceId: 'A', priority: 'vip' })).status).toBe(400);
    expect((await post('/api/tickets', { serviceId: 'Z', priority: null })).status).toBe(404);
  });

  it('a kiosk reads the services with their counters (for its own range when the office is away)', async () => {
    const { kiosk } = await start();
    const get = (token: string | null) =>
      fetch(`${office!.url}/api/tickets/services`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    expect(QueueServicesAnswerSchema.parse(await (await get(kiosk.token)).json())).toEqual({
      services: [{ id: 'A', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193'], counters: [1] }],
    });
    expect((await get(null)).status).toBe(401);
  });

  it("merges an offline kiosk's tickets once", async () => {
    const { post, advance } = await start();
    advance(40);
    const body = {
      tickets: [
        {
          localId: 'k1',
          serviceId: 'A',
          number: 'A1-001',
          priority: null,
          issuedAt: new Date(OPENING + 60_000).toISOString(),
        },
      ],
    };
    const first = OfflineTicketsAnswerSchema.parse(await (await post('/api/tickets/offline', body)).json());
    const again = OfflineTicketsAnswerSchema.parse(await (await post('/api/tickets/offline', body)).json());
    expect([first.results[0]!.outcome, again.results[0]!.outcome]).toEqual(['merged', 'duplicate']);
  });

  it('the board hears each call as a server-sent event, shows the state without names, and speaks the call', async () => {
    const { post } = await start();
    const issued = IssuedTicketSchema.parse(
      await (await post('/api/tickets', { serviceId: 'A', priority: null })).json(),
    );
    const controller = new AbortController();
    const events = await fetch(`${office!.url}/board/events`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    await reader.read(); // the retry line: the stream is open
    await office!.tickets.act('q1', { kind: 'call-next' });
    let text = '';
    while (!text.includes('event: call')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"number":"A-001"');
    expect(text).toContain('"counter":1');

    const state = await (await fetch(`${office!.url}/board/state`)).json();
    expect(state).toMatchObject({
      counters: [{ number: 1, current: 'A-001' }],
      waiting: [{ prefix: 'A', count: 0 }],
    });
    const page = await (await fetch(`${office!.url}/board`)).text();
    expect(page).toContain('Bảng gọi số thứ tự');
    expect(page).toContain('Mời công dân có số thứ tự A-001 đến quầy số 1');

    const position = await (await fetch(`${office!.url}/tickets/${issued.id}`)).json();
    expect(position).toMatchObject({ number: 'A-001', status: 'called', counter: 1 });
    // The ticket's QR opens a page on the citizen's phone.
    const html = { headers: { Accept: 'text/html,application/xhtml+xml' } };
    const phone = await fetch(`${office!.url}/tickets/${issued.id}`, html);
    expect(phone.headers.get('content-type')).toContain('text/html');
    const shown = await phone.text();
    expect(shown).toContain('Số thứ tự A-001');
    expect(shown).toContain('Đã gọi số: mời đến quầy số 1');
    expect(shown).toContain('<meta http-equiv="refresh" content="20" />');
    const english = await (await fetch(`${office!.url}/tickets/${issued.id}?lang=en`, html)).text();
    expect(english).toContain('Called: please come to counter 1');
    const unknown = await fetch(`${office!.url}/tickets/kiosk:not-yet`, html);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Chưa thấy số thứ tự này ở cơ quan');

    expect(callAnnouncement('A-023', 2)).toBe('Mời công dân có số thứ tự A không hai ba đến quầy số hai');
    const wav = await fetch(`${office!.url}/board/announce.wav?number=A-001&counter=1`);
    expect(wav.status).toBe(200);
    const bytes = new Uint8Array(await wav.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('RIFF');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect((await fetch(`${office!.url}/board/announce.wav?number=<x>&counter=1`)).status).toBe(400);
  });
});
