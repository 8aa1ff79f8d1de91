import { describe, expect, it } from 'vitest';
import { formatSetup, parseSetup } from './setup-form.ts';

describe('the services-and-counters form', () => {
  it('reads services and counters and writes them back the same way', () => {
    const r = parseSetup('A | Hộ tịch | 1.001193, 1.000894\nB | Chứng thực | 2.000815\n', '1 | A\n2 | A, B');
    expect(r).toEqual({
      ok: true,
      services: [
        { id: 'A', prefix: 'A', name: 'Hộ tịch', procedureCodes: ['1.001193', '1.000894'] },
        { id: 'B', prefix: 'B', name: 'Chứng thực', procedureCodes: ['2.000815'] },
      ],
      counters: [
        { id: 'q1', number: 1, serviceIds: ['A'], open: true },
        { id: 'q2', number: 2, serviceIds: ['A', 'B'], open: true },
      ],
    });
    if (r.ok) expect(formatSetup(r.services, r.counters).counters).toBe('1 | A\n2 | A, B');
  });

  it.each([
    ['a | Hộ tịch |', '1 | A', 'services', 1],
    ['A | Hộ tịch |\nA | Khác |', '1 | A', 'services', 2],
    ['A | Hộ tịch |', '1 | C', 'counters', 1],
    ['A | Hộ tịch |', '1 | A\nx | A', 'counters', 2],
    ['A | Hộ tịch |', '1 | A\n1 | A', 'counters', 2],
  ])('refuses %j / %j at the wrong line', (services, counters, field, line) => {
    expect(parseSetup(services, counters)).toMatchObject({ ok: false, field, line });
  });
});
