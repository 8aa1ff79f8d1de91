/**
 * The one way text gets into a printed document. Every value a citizen, a volunteer or a
 * profile supplied goes through `escapeHtml`, so a name such as
 * `<img src=x onerror=alert(1)>` prints as those characters and never becomes markup.
 * Text is NFC first: the embedded font's Vietnamese subset holds the precomposed letters
 * (U+1EA0–1EF9), and NFD input ("e" + combining marks) could otherwise print with marks
 * placed by a fallback font.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** NFC, then the five HTML-significant characters as entities; safe in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.normalize('NFC').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text with line breaks kept (textarea answers: one household member per line). */
export function escapeMultiline(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>');
}

/**
 * CSS that came from elsewhere (the font faces) goes inside <style>; it must not be able
 * to close that element and start markup.
 */
export function assertSafeCss(css: string): string {
  if (/<\/?\s*style|<!--|<\/?\s*script/i.test(css)) {
    throw new RangeError('CSS for a printed document must not contain markup');
  }
  return css;
}

/** A complete standalone HTML document: own styles, no external resources. */
export function htmlDocument(input: { title: string; css: string; body: string }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing in a printed document may load from anywhere but itself (fonts and images are data: URLs).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>\n${assertSafeCss(input.css)}\n</style>`,
    '</head>',
    `<body>\n${input.body}\n</body>`,
    '</html>',
  ].join('\n');
}
