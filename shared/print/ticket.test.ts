import { describe, expect, it } from 'vitest';
import type { KioskTicket } from '../contracts/tickets.ts';
import { buildTicketDocument } from './ticket.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

const online: KioskTicket = {
  id: 'b3f1',
  number: 'A-023',
  serviceName: 'Hộ tịch',
  counters: [1, 2],
  peopleAhead: 4,
  estimateMinutes: 12,
  // 07:42 on Monday 23 November 2026 in Vietnam.
  issuedAt: '2026-11-23T00:42:00.000Z',
  priority: null,
  offline: false,
  positionUrl: 'http://192.168.1.10:5180/tickets/b3f1',
};

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the 80 mm queue ticket', () => {
  it('prints the number, service, counters, people ahead, wait and the time in Vietnam', () => {
    const doc = buildTicketDocument({
      ticket: online,
      officeName: 'UBND xã Pác Nặm',
      lang: 'vi',
      qrSvg: SVG,
    });
    expect(doc.paper).toBe('80mm');
    expect(doc.page.widthMm).toBe(80);
    const t = text(doc.html);
    expect(t).toContain('UBND XÃ PÁC NẶM');
    expect(t).toContain('PHIẾU SỐ THỨ TỰ');
    expect(t).toContain('A-023');
    expect(t).toContain('Mời đến quầy số: 1, 2');
    expect(t).toContain('Số người chờ trước: 4');
    expect(t).toContain('Thời gian chờ dự kiến: khoảng 12 phút');
    expect(t).toContain('Lấy số lúc 07 giờ 42 phút, ngày 23/11/2026');
    expect(t).not.toContain('Số phát khi mất kết nối');
    expect(t).not.toContain('Estimated wait');
    expect(doc.html).toContain('<img src="data:image/svg+xml');
  });

  it('an offline ticket says so and promises no wait; a priority claim prints without its group', () => {
    const doc = buildTicketDocument({
      ticket: {
        ...online,
        number: 'A1-007',
        offline: true,
        peopleAhead: null,
        estimateMinutes: null,
        priority: 'pregnant',
        positionUrl: null,
      },
      officeName: 'UBND xã Pác Nặm',
      lang: 'en',
      qrSvg: null,
    });
    const t = text(doc.html);
    expect(t).toContain('Số phát khi mất kết nối với cơ quan');
    expect(t).toContain('Number issued while the office could not be reached');
    expect(t).toContain('Số người chờ trước: chưa biết');
    expect(t).toContain('Taken at 07:42, 23/11/2026 (Vietnam time)');
    expect(t).toContain('Ưu tiên — cán bộ xác nhận tại quầy');
    expect(t).not.toMatch(/mang thai|pregnan/i);
    expect(doc.html).not.toContain('<img');
  });

  it('escapes what comes from the office', () => {
    const doc = buildTicketDocument({
      ticket: { ...online, serviceName: '<script>x</script>' },
      officeName: 'A & B',
      lang: 'vi',
      qrSvg: null,
    });
    expect(doc.html).not.toContain('<script>x');
    expect(doc.html).toContain('&lt;script&gt;');
  });
});
