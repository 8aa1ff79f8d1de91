import http from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OfficeProfileInput } from '../../shared/domain/office-profile.ts';

/**
 * A valid office profile written for main/'s tests, independent of the example profiles
 * in assets/ (which other work may change). Gia Lâm (Hà Nội, commune 00565): Tuesday
 * no-writing and no-appointment with a 2-hour return; procedure codes from the shipped catalogue.
 */
export function validProfile(): OfficeProfileInput {
  return {
    schemaVersion: 1,
    office: {
      name: 'UBND xã Gia Lâm — Bộ phận Một cửa (test)',
      communeCode: '00565',
      provinceCode: '01',
      agencyCode: '000.00.00.H26',
      address: 'Xã Gia Lâm, Thành phố Hà Nội',
    },
    workingHours: {
      periods: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      workingDays: [1, 2, 3, 4, 5],
    },
    holidays: { '2026': ['2026-01-01', '2026-04-30', '2026-05-01', '2026-09-02'] },
    schedule: [
      {
        weekday: 2,
        models: [
          { model: 'no-appointment', procedures: ['2.000815', '2.000884'], returnWithinWorkingHours: 2 },
          { model: 'no-writing', procedures: ['1.001193'] },
        ],
      },
    ],
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `kiosk-${prefix}-`));
}

export function writeProfile(dir: string, profile: unknown, name = 'office-profile.json'): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof profile === 'string' ? profile : JSON.stringify(profile, null, 2));
  return file;
}

/** A stand-in for the built renderer: index.html and one hashed asset. */
export function fakeRendererBuild(): string {
  const dist = tempDir('dist');
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Kiosk</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("kiosk");');
  writeFileSync(path.join(dist, '.env'), 'SECRET=1');
  return dist;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An HTTP request with full control of the headers (fetch forbids setting Host) and the raw path. */
export function rawRequest(options: {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${options.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
