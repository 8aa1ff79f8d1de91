import { chromium, type Browser } from 'playwright-core';
import type { Logger } from '../services/logger.ts';
import { micronsToInches, pageSizeMicrons, paperWidthCssPx, isRoll } from '../services/print/paper.ts';
import type { DocumentRenderer, RenderedDocument } from '../services/print/types.ts';
import { findChromium } from './chromium.ts';

/** Flags for a background Chromium on a closed network (no Google services, no GPU needed for PDF). */
export const PDF_CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
  '--disable-default-apps',
];

export interface ChromiumRendererOptions {
  logger: Logger;
  /** Default: CHROMIUM_PATH, else chromium/chrome on the PATH (main/node/chromium.ts). */
  executablePath?: string;
  /** Chromium refuses to run as root without --no-sandbox (containers, CI). */
  noSandbox?: boolean;
  /** Called for every request the document tried to make (all are blocked). Tests count them. */
  onBlockedRequest?: (url: string) => void;
  /** Longest a render may take before it counts as failed. */
  timeoutMs?: number;
}

/**
 * PDFs under the headless host, from the system Chromium driven by playwright-core.
 * One browser process is started on the first job and reused (a launch costs seconds
 * on a thin client); each job gets a fresh context with JavaScript disabled and every
 * request aborted, so untrusted document HTML can neither run script nor reach the
 * network (the document's CSP, added in main, is the second wall).
 */
export function createChromiumRenderer(
  options: ChromiumRendererOptions,
): DocumentRenderer & { close(): Promise<void> } {
  const { logger } = options;
  const timeout = options.timeoutMs ?? 30_000;
  let browser: Promise<Browser> | undefined;

  const launch = async (): Promise<Browser> => {
    const executablePath = options.executablePath ?? findChromium();
    if (!executablePath) {
      throw new Error('No Chromium found for printing: install chromium or set CHROMIUM_PATH');
    }
    const args = [
      ...PDF_CHROMIUM_FLAGS,
      ...((options.noSandbox ?? process.getuid?.() === 0) ? ['--no-sandbox'] : []),
    ];
    logger.info('print-browser-launch', { executablePath });
    const launched = await chromium.launch({ executablePath, args, headless: true, timeout });
    launched.on('disconnected', () => {
      // Crashed or killed: the next job starts a new one.
      browser = undefined;
      logger.warn('print-browser-disconnected');
    });
    return launched;
  };
  const getBrowser = () => {
    browser ??= launch().catch((error: unknown) => {
      browser = undefined;
      throw error;
    });
    return browser;
  };

  return {
    async render({ html, paper }): Promise<RenderedDocument> {
      const context = await (
        await getBrowser()
      ).newContext({
        javaScriptEnabled: false,
        offline: true,
        serviceWorkers: 'block',
        acceptDownloads: false,
        // Lay the document out at the paper's width, so a roll's length is measured as
        // printed; a 1 px tall viewport, as the measured content is never shorter than it.
        viewport: { width: paperWidthCssPx(paper), height: isRoll(paper) ? 1 : 800 },
      });
      try {
        await context.route('**/*', (route) => {
          options.onBlockedRequest?.(route.request().url());
          logger.warn('print-request-blocked', { url: route.request().url().slice(0, 200) });
          return route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.setDefaultTimeout(timeout);
        // 'load' waits for the data: fonts and images; nothing else can load.
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        let contentHeight: number | undefined;
        if (isRoll(paper)) {
          // The layout size from the DevTools protocol: measured without running any script in the page.
          const cdp = await context.newCDPSession(page);
          const metrics = await cdp.send('Page.getLayoutMetrics');
          contentHeight = metrics.cssContentSize.height;
        }
        const size = pageSizeMicrons(paper, contentHeight);
        const pdf = await page.pdf({
          width: `${micronsToInches(size.width)}in`,
          height: `${micronsToInches(size.height)}in`,
          // A4/A5: the document's own @page size wins (it is the same paper). The roll's
          // length is ours: the document cannot know how long it will be.
          preferCSSPageSize: !isRoll(paper),
          printBackground: true,
          margin: { top: '0', right: '0', bottom: '0', left: '0' },
        });
        return { pdf: new Uint8Array(pdf), pageSize: size };
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      const current = browser;
      browser = undefined;
      if (current) await (await current.catch(() => undefined))?.close();
    },
  };
}
