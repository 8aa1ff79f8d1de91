import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/fixtures.ts';
import { createFileLogger } from './logger.ts';

describe('file logger', () => {
  it('writes one JSON object per line with time, level, event and fields', () => {
    const dir = tempDir('log');
    const logger = createFileLogger({ dir, clock: () => new Date('2026-03-02T01:00:00Z') });
    logger.info('started', { port: 5170 });
    logger.error('failed', { error: new Error('boom') });
    const lines = readFileSync(path.join(dir, 'kiosk.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({
      time: '2026-03-02T01:00:00.000Z',
      level: 'info',
      event: 'started',
      port: 5170,
    });
    expect(lines[1]).toMatchObject({
      level: 'error',
      event: 'failed',
      error: { name: 'Error', message: 'boom' },
    });
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tempDir('log');
    const logger = createFileLogger({ dir, maxBytes: 200, maxFiles: 2 });
    for (let i = 0; i < 40; i++) logger.info('tick', { i });
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    for (const file of files) expect(readFileSync(path.join(dir, file)).length).toBeLessThanOrEqual(200);
    // The newest line is in the current file, and the oldest are gone.
    expect(readFileSync(path.join(dir, 'kiosk.log'), 'utf8')).toContain('"i":39');
    const all = files.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(all).not.toContain('"i":0}');
  });

  it('keeps going when the disk refuses a write', () => {
    const echoed: string[] = [];
    const logger = createFileLogger({
      dir: '/unused',
      echo: (line) => echoed.push(line),
      fs: {
        mkdirSync: () => undefined,
        statSync: () => undefined,
        appendFileSync: () => {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        },
        renameSync: () => undefined,
        rmSync: () => undefined,
      },
    });
    expect(() => logger.warn('x')).not.toThrow();
    expect(echoed.some((l) => l.includes('log-write-failed'))).toBe(true);
  });
});
