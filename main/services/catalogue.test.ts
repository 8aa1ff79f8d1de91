import { describe, expect, it } from 'vitest';
import { defaultCatalogue, loadCatalogue } from './catalogue.ts';
import { createMemoryLogger } from './logger.ts';

describe('loadCatalogue', () => {
  const shipped = defaultCatalogue();

  it('uses the catalogue the office published when it is valid', async () => {
    const published = { ...shipped, version: 'office-2026-11-20' };
    const { logger } = createMemoryLogger();
    const loaded = await loadCatalogue({
      file: '/data/office-catalogue.json',
      readFile: async () => JSON.stringify(published),
      logger,
    });
    expect(loaded.source).toBe('office');
    expect(loaded.catalogue.version).toBe('office-2026-11-20');
  });

  it('falls back to the shipped catalogue when there is no office file', async () => {
    const { logger } = createMemoryLogger();
    const loaded = await loadCatalogue({
      file: '/data/office-catalogue.json',
      readFile: async () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
      logger,
    });
    expect(loaded).toEqual({ catalogue: shipped, source: 'shipped' });
  });

  it('falls back and logs when the office file is damaged or invalid', async () => {
    for (const text of ['{"version": "x", "procedures": [{"code": "nope"}]}', '{ truncated']) {
      const { logger, records } = createMemoryLogger();
      const loaded = await loadCatalogue({ file: '/data/c.json', readFile: async () => text, logger });
      expect(loaded.source).toBe('shipped');
      expect(records.some((e) => e.level === 'warn')).toBe(true);
    }
  });
});
