import { readFile as nodeReadFile } from 'node:fs/promises';
import path from 'node:path';
import { buildFontFaceCss, PRINT_FONT_FILES, woff2DataUrl } from '../../../shared/print/fonts.ts';

export interface PrintFontSource {
  /** @font-face rules with data: URLs for every print font; read once, then cached. */
  fontFaceCss(): Promise<string>;
}

/**
 * The embedded print font (assets/fonts/, Tinos) as CSS. Main adds it to every document
 * before rendering and keeping it, so the renderer need not send ~300 kB of base64 fonts
 * with each print request, and a kept document always carries the font it printed with.
 * A missing file is an error at the first print (buildFontFaceCss refuses a partial set):
 * Vietnamese letters silently printed in a fallback font are what embedding prevents.
 */
export function createPrintFontSource(options: {
  dir: string;
  readFile?: (file: string) => Promise<Buffer>;
}): PrintFontSource {
  const readFile = options.readFile ?? nodeReadFile;
  let cached: Promise<string> | undefined;
  const load = async () => {
    const urls: Record<string, string> = {};
    for (const font of PRINT_FONT_FILES) {
      urls[font.file] = woff2DataUrl((await readFile(path.join(options.dir, font.file))).toString('base64'));
    }
    return buildFontFaceCss(urls);
  };
  return {
    fontFaceCss() {
      cached ??= load().catch((error: unknown) => {
        cached = undefined; // a font installed later is picked up by the next print
        throw error;
      });
      return cached;
    },
  };
}
