// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contracts/bridge.ts';
import { initI18n } from '../../i18n/index.ts';
import { resources } from '../../i18n/resources.ts';
import { SyncBadge } from './SyncBadge.tsx';
import { INITIAL_SYNC_STATE, useSyncStore } from './store.ts';

const enrolled: SyncStatus = {
  enrolled: true,
  kioskId: '11111111-2222-4333-8444-555555555555',
  officeUrl: 'http://10.0.0.5:5180',
  officeName: 'UBND xã Thử',
  online: true,
  lastProbeAt: null,
  // 10:32 in Vietnam, whatever the machine's zone.
  lastSuccessAt: '2026-11-24T03:32:00.000Z',
  needsReEnrolment: false,
  tokenProtection: null,
  timing: { baseMs: 1000, capMs: 60_000, idleMs: 30_000 },
};

function show(language: 'vi' | 'en' = 'vi') {
  render(
    <I18nextProvider i18n={initI18n(language, resources)}>
      <SyncBadge />
    </I18nextProvider>,
  );
}
const setState = (patch: Partial<typeof INITIAL_SYNC_STATE>) =>
  act(() => useSyncStore.setState({ state: { ...INITIAL_SYNC_STATE, ...patch } }));

afterEach(() => {
  cleanup();
  useSyncStore.setState({ state: INITIAL_SYNC_STATE, engine: null });
});

describe('sync badge in the top bar', () => {
  it('shows nothing before the first status is known', () => {
    show();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says connected, how many dossiers wait and when the last sync succeeded', () => {
    show();
    setState({ status: enrolled, waiting: 3, waitingDossiers: 3 });
    const badge = screen.getByRole('status', { name: 'Tình trạng đồng bộ' });
    expect(badge.textContent).toBe(
      'Đã kết nối cơ quan · 3 hồ sơ chờ gửi · Đồng bộ lần cuối: 24/11/2026 10:32',
    );
    expect(badge.getAttribute('data-state')).toBe('online');
  });

  it('counts dossiers, not the rating that waits beside one', () => {
    show();
    setState({ status: enrolled, waiting: 2, waitingDossiers: 1 });
    expect(screen.getByRole('status').textContent).toMatch(/^Đã kết nối cơ quan · 1 hồ sơ chờ gửi · /);
    setState({ status: enrolled, waiting: 1, waitingDossiers: 0 });
    expect(screen.getByRole('status').textContent).not.toMatch(/chờ gửi/);
  });

  it('says offline with nothing waiting, and asks for attention on refused items or re-enrolment', () => {
    show('en');
    setState({ status: { ...enrolled, online: false, lastSuccessAt: null } });
    expect(screen.getByRole('status').textContent).toBe('Not connected to the office');
    setState({ status: { ...enrolled, online: false }, refused: 1 });
    expect(screen.getByRole('status').textContent).toMatch(
      /^Not connected to the office · 1 item refused by the office/,
    );
    expect(screen.getByRole('status').getAttribute('data-state')).toBe('attention');
    setState({ status: { ...enrolled, needsReEnrolment: true }, waiting: 2, waitingDossiers: 2 });
    expect(screen.getByRole('status').textContent).toMatch(
      /^Needs re-enrolment · 2 dossiers waiting to send/,
    );
  });
});
