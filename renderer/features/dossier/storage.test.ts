import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { checkSpace, isQuotaError, requestPersistence, writeFailure } from './storage.ts';
import {
  attachmentBudget,
  attachmentFileName,
  scaledSize,
  DEFAULT_ATTACHMENT_BUDGET,
} from './attachments.ts';

describe('storage', () => {
  it('checkSpace refuses when free space is below estimate + margin', async () => {
    const estimate = async () => ({ quota: 1_000_000, usage: 900_000 });
    expect(await checkSpace(10_000, { estimate, marginBytes: 50_000 })).toEqual({
      ok: true,
      freeBytes: 100_000,
    });
    expect(await checkSpace(60_000, { estimate, marginBytes: 50_000 })).toEqual({
      ok: false,
      reason: 'storage-low',
      freeBytes: 100_000,
      neededBytes: 110_000,
    });
    expect(await checkSpace(1, { estimate: async () => ({}) })).toEqual({ ok: true, freeBytes: null });
  });

  it('recognises quota failures however they arrive', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    const abort = new Dexie.AbortError('Transaction aborted', new DOMException('x', 'QuotaExceededError'));
    expect(isQuotaError(abort)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted'))).toBe(false);
    expect(isQuotaError(new Error('constraint failed'))).toBe(false);
    expect(writeFailure(abort)).toEqual({ ok: false, reason: 'storage-full' });
    expect(writeFailure(new Error('boom'))).toEqual({
      ok: false,
      reason: 'write-failed',
      message: 'Error: boom',
    });
  });

  it('asks for persistent storage once and reports the answer', async () => {
    let asked = 0;
    const storage = { persisted: async () => false, persist: async () => (asked++, true) };
    expect(await requestPersistence(storage)).toBe('granted');
    expect(asked).toBe(1);
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe(
      'denied',
    );
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
});

describe('attachment budget', () => {
  const config = { maxFilesPerDossier: 3, maxFileBytes: 1000, maxDossierBytes: 2000, maxTotalBytes: 10_000 };
  const f = (size: number, fileName = 'a.jpg') => ({ size, fileName });
  it('accepts within every limit and says what remains', () => {
    expect(attachmentBudget([f(500), f(700)], 3000, config)).toEqual({
      ok: true,
      dossierBytes: 1200,
      remainingDossierBytes: 800,
      remainingTotalBytes: 5800,
    });
  });
  it('names the limit that was exceeded', () => {
    expect(attachmentBudget([f(1), f(1), f(1), f(1)], 0, config)).toMatchObject({
      ok: false,
      reason: 'too-many-files',
    });
    expect(attachmentBudget([f(1001, 'big.jpg')], 0, config)).toMatchObject({
      reason: 'file-too-large',
      fileName: 'big.jpg',
    });
    expect(attachmentBudget([f(900), f(900), f(900)], 0, config)).toMatchObject({
      reason: 'dossier-budget',
      dossierBytes: 2700,
    });
    expect(attachmentBudget([f(900)], 9500, config)).toMatchObject({
      reason: 'total-budget',
      totalBytes: 10_400,
    });
  });
  it('defaults stay within the sync contract', () => {
    expect(DEFAULT_ATTACHMENT_BUDGET.maxFileBytes).toBeLessThanOrEqual(25 * 1024 * 1024);
    expect(DEFAULT_ATTACHMENT_BUDGET.maxFilesPerDossier).toBeLessThanOrEqual(50);
  });
  it('downscales to 1600 px on the long side, never up', () => {
    expect(scaledSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
  it('makes safe NFC file names with the real extension', () => {
    expect(attachmentFileName('Giấy chứng sinh.HEIC'.normalize('NFD'), 'jpg')).toBe('Giấy chứng sinh.jpg');
    expect(attachmentFileName('a/b:c', 'pdf')).toBe('a_b_c.pdf');
  });
});
