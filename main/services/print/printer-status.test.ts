import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../node/headless-host.ts';
import { prepareDocumentHtml } from './document-html.ts';
import {
  MICRONS_PER_CSS_PX,
  pageSizeMicrons,
  ROLL_MAX_HEIGHT_MICRONS,
  ROLL_MIN_HEIGHT_MICRONS,
} from './paper.ts';
import { createPrintFontSource } from './print-fonts.ts';
import { checkPrinter, failureFromPrintCallback } from './printer-status.ts';

// The CUPS attributes as Electron's getPrintersAsync reports them (docs: structures/printer-info).
const cups = (name: string, state: string, reasons: string, accepting = 'true') => ({
  name,
  displayName: name.replaceAll('_', ' '),
  description: '',
  options: {
    'printer-state': state,
    'printer-state-reasons': reasons,
    'printer-is-accepting-jobs': accepting,
  },
});

describe('printer status before printing', () => {
  it('no printer installed, or the configured one missing', () => {
    expect(checkPrinter([], undefined)?.reason).toBe('no-printer');
    expect(checkPrinter([cups('HP_LaserJet', '3', 'none')], 'XP_80C')).toMatchObject({
      reason: 'no-printer',
      message: expect.stringContaining('HP_LaserJet'),
    });
  });
  it('finds the configured printer by system or display name', () => {
    expect(checkPrinter([cups('XP_80C', '3', 'none')], 'XP_80C')).toBeNull();
    expect(checkPrinter([cups('XP_80C', '3', 'none')], 'XP 80C')).toBeNull();
    expect(checkPrinter([cups('XP_80C', '4', 'none')], undefined)).toBeNull();
  });
  it('paper out and offline', () => {
    expect(checkPrinter([cups('XP_80C', '5', 'media-empty-error')], 'XP_80C')?.reason).toBe('paper-out');
    expect(checkPrinter([cups('XP_80C', '3', 'media-needed-warning')], 'XP_80C')?.reason).toBe('paper-out');
    expect(checkPrinter([cups('XP_80C', '3', 'offline-report')], 'XP_80C')?.reason).toBe('printer-offline');
    expect(checkPrinter([cups('XP_80C', '5', 'paused')], 'XP_80C')?.reason).toBe('printer-offline');
    expect(checkPrinter([cups('XP_80C', '3', 'none', 'false')], 'XP_80C')?.reason).toBe('printer-offline');
  });
  it('maps Electron print callback reasons', () => {
    expect(failureFromPrintCallback('Print job failed')).toEqual({
      reason: 'print-failed',
      message: 'Print job failed',
    });
    expect(failureFromPrintCallback('Print job canceled').reason).toBe('print-failed');
    expect(failureFromPrintCallback('Invalid printer settings').reason).toBe('print-failed');
    expect(failureFromPrintCallback('').message).toBe('Print job failed');
  });
});

describe('paper sizes', () => {
  it('ISO sizes in microns, the roll measured', () => {
    expect(pageSizeMicrons('A4')).toEqual({ width: 210_000, height: 297_000 });
    expect(pageSizeMicrons('A5')).toEqual({ width: 148_000, height: 210_000 });
    expect(pageSizeMicrons('80mm', 10).height).toBe(ROLL_MIN_HEIGHT_MICRONS);
    expect(pageSizeMicrons('80mm', 1000).height).toBe(Math.ceil(1000 * MICRONS_PER_CSS_PX) + 8_000);
    expect(pageSizeMicrons('80mm', 1e9).height).toBe(ROLL_MAX_HEIGHT_MICRONS);
  });
});

describe('document preparation', () => {
  it('puts the CSP and fonts right after the doctype, or adds one', () => {
    const prepared = prepareDocumentHtml('<!DOCTYPE html>\n<html><body>x</body></html>', 'a{}');
    expect(prepared).toMatch(
      /^<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"[^>]+><style>a\{\}<\/style>\n<html>/,
    );
    expect(prepareDocumentHtml('<p>x</p>', '')).toMatch(
      /^<!doctype html><meta charset="utf-8"><meta [^>]+><p>x<\/p>$/,
    );
  });
  it('cannot be closed early by the font CSS', () => {
    expect(prepareDocumentHtml('<p>x</p>', 'a{}</style><script>1</script>')).not.toContain(
      '</style><script>',
    );
  });
});

describe('print fonts', () => {
  it('reads the shipped fonts into @font-face rules with data URLs, once', async () => {
    let reads = 0;
    const { readFile } = await import('node:fs/promises');
    const source = createPrintFontSource({
      dir: path.join(PROJECT_ROOT, 'assets', 'fonts'),
      readFile: (file) => {
        reads++;
        return readFile(file);
      },
    });
    const css = await source.fontFaceCss();
    expect(css).toContain("font-family: 'Tinos'");
    expect(css).toContain('data:font/woff2;base64,');
    expect(css).toMatch(/unicode-range: [^;]*U\+1EA0-1EF9/);
    const first = reads;
    expect(await source.fontFaceCss()).toBe(css);
    expect(reads).toBe(first);
  });
  it('fails clearly when a font file is missing, and tries again next time', async () => {
    const source = createPrintFontSource({ dir: '/nonexistent-fonts' });
    await expect(source.fontFaceCss()).rejects.toThrow(/ENOENT|no such file/);
    await expect(source.fontFaceCss()).rejects.toThrow(/ENOENT|no such file/);
  });
});
