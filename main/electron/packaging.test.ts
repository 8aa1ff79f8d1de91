import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/** electron-builder reads this file when packaging; the fuses are flipped in the shipped binary. */
const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as {
  asar: boolean;
  electronFuses: Record<string, boolean>;
  files: string[];
};

describe('release packaging', () => {
  it('flips the fuses a public kiosk needs: no run-as-node, NODE_OPTIONS or inspect; asar only, checked; cookies encrypted', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships no source maps or tests', () => {
    expect(config.files).toEqual(expect.arrayContaining(['!dist/**/*.map', '!**/*.test.*']));
  });
});
