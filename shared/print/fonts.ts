/**
 * The embedded print font (assets/fonts/, see its README). shared/ cannot read files, so
 * the caller (the main-process print service, or a test) reads each file named here,
 * makes a `data:font/woff2;base64,…` URL of it and passes the URLs to `buildFontFaceCss`;
 * the resulting CSS goes into the builders' `fontFaceCss` parameter.
 */
import { assertSafeCss } from './html.ts';

/** The family every printed document is set in; Tinos is metric-compatible with Times New Roman. */
export const PRINT_FONT_FAMILY = 'Tinos';
/** What prints if the embedded font is missing (a bug, but better than nothing). */
export const PRINT_FONT_STACK = `'${PRINT_FONT_FAMILY}', 'Times New Roman', 'Liberation Serif', serif`;

export interface PrintFontFile {
  /** File name in assets/fonts/. */
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  /** From @fontsource/tinos unicode.json, so the browser takes each glyph from the right subset. */
  unicodeRange: string;
}

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const VIETNAMESE =
  'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const face = (
  subset: string,
  range: string,
  weight: 400 | 700,
  style: 'normal' | 'italic',
): PrintFontFile => ({
  file: `tinos-${subset}-${weight}-${style}.woff2`,
  weight,
  style,
  unicodeRange: range,
});

/** Every file in assets/fonts/ the print documents use. */
export const PRINT_FONT_FILES: readonly PrintFontFile[] = [
  face('latin', LATIN, 400, 'normal'),
  face('latin', LATIN, 700, 'normal'),
  face('latin', LATIN, 400, 'italic'),
  face('vietnamese', VIETNAMESE, 400, 'normal'),
  face('vietnamese', VIETNAMESE, 700, 'normal'),
  face('vietnamese', VIETNAMESE, 400, 'italic'),
  face('latin-ext', LATIN_EXT, 400, 'normal'),
  face('latin-ext', LATIN_EXT, 700, 'normal'),
];

/** `data:font/woff2;base64,…` from the base64 of a file (main: `readFileSync(path).toString('base64')`). */
export function woff2DataUrl(base64: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new RangeError('not base64');
  return `data:font/woff2;base64,${base64}`;
}

/**
 * @font-face rules for the given files (file name → data URL). Every file of
 * PRINT_FONT_FILES must be given: a missing subset would silently print Vietnamese
 * letters in a fallback font, which is exactly what embedding is meant to prevent.
 * Only data URLs are accepted, so a printed document never reaches for a file or the network.
 */
export function buildFontFaceCss(dataUrls: Readonly<Record<string, string>>): string {
  const rules = PRINT_FONT_FILES.map((f) => {
    const url = dataUrls[f.file];
    if (url === undefined) throw new RangeError(`print font ${f.file} was not given`);
    if (!/^data:font\/woff2;base64,[A-Za-z0-9+/]+={0,2}$/.test(url)) {
      throw new RangeError(`print font ${f.file} must be a data:font/woff2;base64 URL`);
    }
    return [
      '@font-face {',
      `  font-family: '${PRINT_FONT_FAMILY}';`,
      `  font-style: ${f.style};`,
      `  font-weight: ${f.weight};`,
      '  font-display: block;',
      `  src: url(${url}) format('woff2');`,
      `  unicode-range: ${f.unicodeRange};`,
      '}',
    ].join('\n');
  });
  return assertSafeCss(rules.join('\n'));
}

/**
 * Adds the font faces to a document built without them (the renderer builds the HTML;
 * the print service, which can read assets/fonts, adds the fonts before rendering).
 * The first `</head>` is the builders' own: every value in the document is escaped.
 */
export function withPrintFonts(html: string, fontFaceCss: string): string {
  const at = html.indexOf('</head>');
  if (at < 0) throw new RangeError('not a print document: no </head>');
  return `${html.slice(0, at)}<style data-print-fonts>\n${assertSafeCss(fontFaceCss)}\n</style>\n${html.slice(at)}`;
}
