import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGET_PRINTED_MAX_IDS } from '../../shared/contracts/bridge.ts';
import type { DocumentRenderer } from '../services/print/types.ts';
import {
  fakeRendererBuild,
  rawRequest,
  tempDir,
  validProfile,
  writeProfile,
} from '../test-support/fixtures.ts';
import { startHeadlessHost, type HeadlessHost } from './headless-host.ts';
import { redeemLaunch } from '../test-support/bridge-cookie.ts';

// Forgetting needs no real PDF: a renderer that answers at once keeps this test free of Chromium.
const renderer: DocumentRenderer = {
  render: async () => ({ pdf: new TextEncoder().encode('%PDF-fake'), pageSize: { width: 1, height: 1 } }),
};
const A = '6f0b8c3e-1d2a-4b5c-9e8f-7a6b5c4d3e2f';
const B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

async function post(host: HeadlessHost, method: string, body: unknown) {
  const response = await rawRequest({
    port: host.port,
    method: 'POST',
    path: `/bridge/${method}`,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Cookie: await redeemLaunch(host.launchUrl()) },
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads into answers of several shapes
  return { status: response.status, body: JSON.parse(response.body) as Record<string, any> };
}

describe('headless host: forgetPrintedDocuments over HTTP', () => {
  let host: HeadlessHost;
  let prints: string;

  beforeAll(async () => {
    const dataDir = tempDir('forget-data');
    host = await startHeadlessHost({
      port: 0,
      profilePath: writeProfile(tempDir('forget-host'), validProfile()),
      distDir: fakeRendererBuild(),
      dataDir,
      printRenderer: renderer,
      printer: { via: 'renderer' },
    });
    prints = path.join(dataDir, 'prints');
    for (const dossierId of [A, B]) {
      const printed = await post(host, 'printDocument', {
        kind: 'receipt',
        paper: '80mm',
        html: '<p>Nguyễn Thị Đào</p>',
        dossierId,
      });
      expect(printed.body).toMatchObject({ ok: true, value: { pdfKept: true } });
    }
  });
  afterAll(async () => {
    await host?.close();
  });

  it('removes the kept documents of the given dossiers; unknown ids are fine; a repeat removes nothing', async () => {
    expect(readdirSync(path.join(prints, A)).sort()).toEqual(['receipt.html', 'receipt.json', 'receipt.pdf']);
    const first = await post(host, 'forgetPrintedDocuments', { dossierIds: [A, 'never-printed-here'] });
    expect(first).toEqual({ status: 200, body: { ok: true, value: { removed: 1 } } });
    expect(existsSync(path.join(prints, A))).toBe(false);
    expect(existsSync(path.join(prints, B, 'receipt.pdf'))).toBe(true);
    // The kept document is no longer served either.
    const Cookie = await redeemLaunch(host.launchUrl());
    expect(
      (await rawRequest({ port: host.port, path: `/print/${A}/receipt.html`, headers: { Cookie } })).status,
    ).toBe(404);
    const pdf = await post(host, 'getPrintedPdf', { kind: 'receipt', dossierId: A });
    expect(pdf.body).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const again = await post(host, 'forgetPrintedDocuments', { dossierIds: [A] });
    expect(again).toEqual({ status: 200, body: { ok: true, value: { removed: 0 } } });
  });

  it('rejects unsafe ids and oversized lists with 400, removing nothing', async () => {
    // A file beside the prints folder that a traversal would reach.
    const outside = path.join(path.dirname(prints), 'keep.txt');
    writeFileSync(outside, 'x');
    for (const dossierIds of [['../keep.txt'], [B, '..'], ['a/b'], [''], 'not-a-list']) {
      const answer = await post(host, 'forgetPrintedDocuments', { dossierIds });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const tooMany = Array.from({ length: FORGET_PRINTED_MAX_IDS + 1 }, (_, i) => `d${i}`);
    expect((await post(host, 'forgetPrintedDocuments', { dossierIds: tooMany })).status).toBe(400);
    expect(existsSync(outside)).toBe(true);
    expect(existsSync(path.join(prints, B, 'receipt.pdf'))).toBe(true);
  });
});
