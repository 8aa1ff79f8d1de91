import { describe, expect, it } from 'vitest';
import { dossierTransferPurpose, feeTransfer } from './fee-transfer.ts';
import { parseVietQr } from './vietqr.ts';

const account = { bin: '970436', accountNumber: '0011001932418', accountName: 'UBND XA THU' };

describe('dossierTransferPurpose', () => {
  it.each([
    ['H42.18562.K02-261124-0007', 'H42.18562.K02-261124-0007'],
    ['TEST.00565.K01-261123-0001', 'K01-261123-0001'],
    ['000.00.12.H38.K03-261124-0012', 'K03-261124-0012'],
    ['X1.K01-261124-0001', 'X1.K01-261124-0001'],
  ])('%s → %s', (code, purpose) => {
    expect(dossierTransferPurpose(code)).toBe(purpose);
    expect(purpose.length).toBeLessThanOrEqual(25);
  });
});

describe('feeTransfer', () => {
  it('carries the amount and the dossier code (62/08)', () => {
    const t = feeTransfer(account, 10_000, 'H42.18562.K02-261124-0007');
    expect(parseVietQr(t.payload)).toMatchObject({
      crcValid: true,
      initiation: 'dynamic',
      bankBin: '970436',
      accountNumber: '0011001932418',
      amountVnd: 10_000,
      purpose: 'H42.18562.K02-261124-0007',
    });
  });
  it('carries no amount when none could be computed', () => {
    const t = feeTransfer(account, null, 'K01-261123-0001');
    expect(t.amountVnd).toBeNull();
    expect(parseVietQr(t.payload)).toMatchObject({
      initiation: 'static',
      amountVnd: null,
      purpose: 'K01-261123-0001',
    });
  });
});
