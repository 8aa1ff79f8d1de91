import { describe, expect, it } from 'vitest';
// Nothing in this file calls loadAdminUnits: the import alone must provide the data.
import { findCommune, findProvince } from './bundled.ts';

describe('bundled admin units', () => {
  it('answer as soon as the module is imported', () => {
    expect(findProvince('01')?.name).toBe('Thành phố Hà Nội');
    expect(findCommune('00565')?.name).toBe('Xã Gia Lâm');
  });
});
