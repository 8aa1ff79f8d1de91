import { describe, expect, it } from 'vitest';
import { SERIAL_SCANNER_PROBLEMS } from '../../../shared/contracts/serial-scanner.ts';
import { resources } from '../../i18n/resources.ts';

describe('serial scanner strings', () => {
  it.each(['vi', 'en'] as const)('%s names every problem a port can have', (lang) => {
    const problems = resources[lang].scan.serial.problem as Record<string, string>;
    for (const p of SERIAL_SCANNER_PROBLEMS) expect(problems[p], p).toMatch(/\{\{path\}\}/);
  });
});
