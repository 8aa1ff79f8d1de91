import { describe, expect, it } from 'vitest';
import type { PrintResult } from '../../../shared/contracts/bridge.ts';
import { afterBrowserPrint, receiptMarkAfter, stepOf } from './print-state.ts';

const result = (over: Partial<PrintResult>): PrintResult => ({
  printed: false,
  printVia: 'main',
  pdfKept: true,
  pdfBytes: 1200,
  ...over,
});

describe('what the kiosk may say about a print', () => {
  it('"printed" only when main reports the printer accepted the job', () => {
    expect(stepOf(result({ printed: true }))).toEqual({ next: 'done', state: { status: 'printed' } });
  });

  it('a failure keeps its reason and whether the PDF was kept for the desk', () => {
    expect(
      stepOf(result({ failure: { reason: 'no-printer', message: 'CUPS (lp, lpstat) is not installed' } })),
    ).toEqual({ next: 'done', state: { status: 'failed', reason: 'no-printer', pdfKept: true } });
    expect(
      stepOf(result({ pdfKept: false, pdfBytes: 0, failure: { reason: 'render-failed', message: 'x' } })),
    ).toEqual({ next: 'done', state: { status: 'failed', reason: 'render-failed', pdfKept: false } });
  });

  it('a contradictory answer (printed, yet a failure) is a failure', () => {
    const step = stepOf(result({ printed: true, failure: { reason: 'paper-out', message: 'media-empty' } }));
    expect(step).toMatchObject({ state: { status: 'failed', reason: 'paper-out' } });
  });

  it('main neither printing nor saying why is never "printed"', () => {
    expect(stepOf(result({}))).toEqual({
      next: 'done',
      state: { status: 'failed', reason: 'print-failed', pdfKept: true },
    });
  });

  it('the kiosk browser prints when main hands it the document, and can only say "sent"', () => {
    const step = stepOf(result({ printVia: 'renderer', documentUrl: '/print/x/receipt.html' }));
    expect(step).toEqual({ next: 'print-in-browser', documentUrl: '/print/x/receipt.html', pdfKept: true });
    expect(afterBrowserPrint(true, true)).toEqual({ status: 'sent' });
    expect(afterBrowserPrint(false, true)).toEqual({
      status: 'failed',
      reason: 'print-failed',
      pdfKept: true,
    });
  });

  it('the receipt mark is cleared once printed (or sent), reported when it failed, kept while printing', () => {
    expect(receiptMarkAfter({ status: 'printed' })).toBe('clear');
    expect(receiptMarkAfter({ status: 'sent' })).toBe('clear');
    expect(receiptMarkAfter({ status: 'failed', reason: 'paper-out', pdfKept: true })).toBe(
      'report-unprinted',
    );
    expect(receiptMarkAfter({ status: 'printing' })).toBe('keep');
  });
});
