import type { Counter, QueueService } from '../../shared/queue/index.ts';
import { CounterSchema, QueueServiceSchema } from '../../shared/queue/index.ts';

/**
 * The services-and-counters form: one line per service ("A | Hộ tịch | 1.001193, 1.000894")
 * and per counter ("2 | A, B"). Parsed whole or not at all, so a typo saves nothing.
 */
export type SetupParse =
  | { ok: true; services: QueueService[]; counters: Counter[] }
  | { ok: false; field: 'services' | 'counters'; line: number; reason: string };

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');

export function parseSetup(servicesText: string, countersText: string): SetupParse {
  const services: QueueService[] = [];
  for (const { text, line } of lines(servicesText)) {
    const [prefix = '', name = '', codes = ''] = text.split('|').map((p) => p.trim());
    const candidate = {
      id: prefix,
      prefix,
      name,
      procedureCodes: codes ? codes.split(/[,\s]+/).filter(Boolean) : [],
    };
    const parsed = QueueServiceSchema.safeParse(candidate);
    if (!parsed.success)
      return {
        ok: false,
        field: 'services',
        line,
        reason: 'chữ cái A–Z và tên dịch vụ / letters A–Z and a name',
      };
    if (services.some((s) => s.prefix === prefix))
      return { ok: false, field: 'services', line, reason: `${prefix} ×2` };
    services.push(parsed.data);
  }
  const counters: Counter[] = [];
  for (const { text, line } of lines(countersText)) {
    const [number = '', letters = ''] = text.split('|').map((p) => p.trim());
    const serviceIds = letters.split(/[,\s]+/).filter(Boolean);
    const parsed = CounterSchema.safeParse({
      id: `q${number}`,
      number: Number(number),
      serviceIds,
      open: true,
    });
    if (!parsed.success || !/^\d+$/.test(number))
      return {
        ok: false,
        field: 'counters',
        line,
        reason: 'số quầy và dịch vụ / a counter number and services',
      };
    const unknown = serviceIds.find((id) => !services.some((s) => s.id === id));
    if (unknown) return { ok: false, field: 'counters', line, reason: `${unknown} ?` };
    if (counters.some((c) => c.number === parsed.data.number))
      return { ok: false, field: 'counters', line, reason: `${number} ×2` };
    counters.push(parsed.data);
  }
  return { ok: true, services, counters };
}

export function formatSetup(
  services: QueueService[],
  counters: Counter[],
): { services: string; counters: string } {
  return {
    services: services.map((s) => `${s.prefix} | ${s.name} | ${s.procedureCodes.join(', ')}`).join('\n'),
    counters: counters.map((c) => `${c.number} | ${c.serviceIds.join(', ')}`).join('\n'),
  };
}
