import { describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources.ts';

function flat(obj: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === 'object'
        ? Object.entries(flat(v as object, `${prefix}${k}.`))
        : [[`${prefix}${k}`, v]],
    ),
  );
}

// Plural keys differ by language (Vietnamese has one form); compare without the suffix.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe.each(['declaration', 'scan', 'receipt', 'satisfaction'] as const)('%s strings', (ns) => {
  const vi = flat(resources.vi[ns]);
  const en = flat(resources.en[ns]);
  it('has the same keys in vi and en', () => {
    expect([...new Set(Object.keys(en).map(base))].sort()).toEqual(
      [...new Set(Object.keys(vi).map(base))].sort(),
    );
  });
  it('has no empty string', () => {
    for (const [key, value] of [...Object.entries(vi), ...Object.entries(en)])
      expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
  });
});
