/**
 * Print documents arrive from the renderer as HTML and are treated as untrusted: a
 * bug or an injected value in a form field must not run script or reach the network
 * from the main process. Scripts are disabled and requests blocked by the drivers;
 * this policy is a second wall that also covers file: and other schemes a request
 * interceptor may not see. Inline styles, data: fonts (the embedded print fonts) and
 * data: images (the receipt's QR code) are all a document needs.
 */
export const PRINT_DOCUMENT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'font-src data:',
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const DOCTYPE = /^\uFEFF?\s*<!doctype[^>]*>/i;

/**
 * The document as it is rendered, kept and served: the CSP first, then the print fonts'
 * @font-face rules, then the renderer's HTML. Both go right after the doctype (not
 * before it, which would switch the page to quirks mode); the HTML parser places them in
 * the head, ahead of anything the document itself declares.
 */
export function prepareDocumentHtml(html: string, fontCss: string): string {
  const meta = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}">`;
  // A </style> inside the font CSS would end the element early; base64 never contains '<'.
  const fonts = fontCss.trim() === '' ? '' : `<style>${fontCss.replaceAll('<', '\\3C ')}</style>`;
  const doctype = DOCTYPE.exec(html);
  if (doctype) return doctype[0] + meta + fonts + html.slice(doctype[0].length);
  return '<!doctype html>' + meta + fonts + html;
}
