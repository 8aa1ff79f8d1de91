import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../i18n/resources.ts';
import type { KioskQueueService, KioskTicket } from '../../../shared/contracts/tickets.ts';
import { runIdleResetListeners } from '../shell/index.ts';
import { openTicketDialog, servicesFor, useQueueTicketStore } from './store.ts';
import { ticketSpeech } from './speech.ts';

const civil: KioskQueueService = {
  id: 'A',
  prefix: 'A',
  name: 'Hộ tịch',
  procedureCodes: ['1.001193'],
  counters: [1],
};
const cert: KioskQueueService = {
  id: 'B',
  prefix: 'B',
  name: 'Chứng thực',
  procedureCodes: ['2.000815'],
  counters: [2],
};

describe('which desks a page offers', () => {
  it('the desk serving the procedure, else every desk; none when the kiosk knows none', () => {
    expect(servicesFor([civil, cert], '2.000815')).toEqual([cert]);
    expect(servicesFor([civil, cert], '9.999999')).toEqual([civil, cert]);
    expect(servicesFor([civil, cert])).toEqual([civil, cert]);
    expect(servicesFor([], '1.001193')).toEqual([]);
  });
});

describe('the dialog on a public machine', () => {
  it('opens on the priority question for a procedure with one desk, and the idle reset closes it', () => {
    useQueueTicketStore.setState({ services: [civil, cert] });
    openTicketDialog('1.001193');
    expect(useQueueTicketStore.getState().step).toEqual({ kind: 'priority', service: civil });
    runIdleResetListeners();
    expect(useQueueTicketStore.getState().step).toEqual({ kind: 'closed' });
    openTicketDialog();
    expect(useQueueTicketStore.getState().step).toEqual({ kind: 'service', choices: [civil, cert] });
  });
});

describe('the ticket read aloud', () => {
  const t = i18next.createInstance({ resources, lng: 'vi', ns: ['queueTicket'] });
  const ticket: KioskTicket = {
    id: 'x',
    number: 'A-023',
    serviceName: 'Hộ tịch',
    counters: [1, 2],
    peopleAhead: 4,
    estimateMinutes: 12,
    issuedAt: '2026-11-23T00:42:00.000Z',
    priority: 'elderly',
    offline: false,
    positionUrl: null,
  };

  it('reads the number as the board calls it, then the desk, counters, people ahead and the wait', async () => {
    await t.init();
    const text = ticketSpeech(t.getFixedT('vi', 'queueTicket'), ticket).map((s) => s.text);
    expect(text).toEqual([
      'Số thứ tự của ông/bà: A không hai ba.',
      'Quầy phục vụ: Hộ tịch.',
      'Mời đến quầy số 1, 2 khi được gọi.',
      'Ưu tiên — cán bộ xác nhận tại quầy.',
      'Số người chờ trước: 4.',
      'Thời gian chờ dự kiến: khoảng 12 phút.',
    ]);
    const offline = ticketSpeech(t.getFixedT('vi', 'queueTicket'), {
      ...ticket,
      number: 'A1-007',
      priority: null,
      offline: true,
      peopleAhead: null,
      estimateMinutes: null,
    }).map((s) => s.text);
    expect(offline).toContain('Số người chờ trước: chưa biết.');
    expect(offline.at(-1)).toMatch(/^Số phát khi mất kết nối/);
  });
});
