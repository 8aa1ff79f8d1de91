/**
 * printVia 'renderer' (headless host without a CUPS printer): main kept the document and
 * serves it same-origin; the kiosk browser prints it from a hidden iframe. The kiosk
 * Chromium runs with --kiosk-printing, so print() sends it to the default printer with no
 * dialog. Resolves once print() was called (Chromium gives no completion signal).
 */
export function printInPage(documentUrl: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10000px;';
    const timer = window.setTimeout(() => {
      frame.remove();
      reject(new Error('document did not load'));
    }, timeoutMs);
    frame.addEventListener('load', () => {
      window.clearTimeout(timer);
      try {
        frame.contentWindow?.print();
        resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        // Leave time for the print job to spool before the frame goes.
        window.setTimeout(() => frame.remove(), 60_000);
      }
    });
    frame.src = documentUrl;
    document.body.append(frame);
  });
}
