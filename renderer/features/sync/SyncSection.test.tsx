// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contracts/bridge.ts';
import { createBridgeClient } from '../../bridge/client.ts';
import { kioskDb, META, newId } from '../../db/db.ts';
import { putMeta } from '../../db/meta.ts';
import { newOutboxRow } from '../dossier/outbox.ts';
import { initI18n } from '../../i18n/index.ts';
import { BridgeContext } from '../shell/index.ts';
import { SyncSection } from './SyncSection.tsx';
import { INITIAL_SYNC_STATE, useSyncStore } from './store.ts';

const KIOSK = '11111111-2222-4333-8444-555555555555';
const base: SyncStatus = {
  enrolled: false,
  kioskId: null,
  officeUrl: 'http://10.0.0.5:5180',
  officeName: null,
  online: false,
  lastProbeAt: null,
  lastSuccessAt: null,
  needsReEnrolment: false,
  tokenProtection: null,
  timing: { baseMs: 1000, capMs: 60_000, idleMs: 30_000 },
};

function mount(status: SyncStatus, enrol: (input: Record<string, string>) => unknown = () => ({})) {
  const calls: [string, unknown][] = [];
  let current = status;
  const client = createBridgeClient(async (method, input) => {
    calls.push([method, input]);
    if (method === 'syncStatus') return { ok: true, value: current };
    if (method === 'syncEnrol') {
      const value = enrol(input as Record<string, string>) as { ok: boolean };
      if (value.ok)
        current = { ...current, enrolled: true, kioskId: KIOSK, officeName: 'UBND xã Thử', online: true };
      return { ok: true, value };
    }
    return { ok: false, error: { code: 'unknown-method', message: method } };
  });
  render(
    <I18nextProvider i18n={initI18n('vi')}>
      <BridgeContext.Provider value={client}>
        <SyncSection />
      </BridgeContext.Provider>
    </I18nextProvider>,
  );
  return calls;
}

beforeEach(() => useSyncStore.setState({ state: INITIAL_SYNC_STATE, engine: null }));
afterEach(async () => {
  cleanup();
  await Promise.all([kioskDb().outbox.clear(), kioskDb().meta.clear()]);
});

describe('sync settings section', () => {
  it('says in words that the office was refused for its certificate, and shows the pinned fingerprint', async () => {
    const pinned = 'ab12'.repeat(16);
    const presented = 'cd34'.repeat(16);
    mount({
      ...base,
      enrolled: true,
      kioskId: KIOSK,
      officeUrl: 'https://10.0.0.5:5180',
      officeName: 'UBND xã Thử',
      officeCertificate: { pinned, next: null },
      untrustedOffice: { reason: 'certificate-mismatch', presented, at: '2026-11-23T02:00:00.000Z' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Không gửi hồ sơ: máy chủ không có đúng chứng chỉ của cơ quan/);
    expect(alert.textContent).toContain('CD34 CD34');
    expect(alert.textContent).toMatch(/Mọi hồ sơ vẫn được giữ trên máy/);
    expect(screen.getByText(/^AB12 AB12/)).toBeTruthy();
  });

  it('fills address, code and fingerprint from the enrolment QR text, and sends the fingerprint', async () => {
    const sha = 'ef56'.repeat(16);
    const calls = mount(base, () => ({ ok: true, kioskId: KIOSK, officeName: 'UBND xã Thử' }));
    await screen.findByText(/Ki-ốt chưa đăng ký/);
    fireEvent.change(screen.getByLabelText('Mã đăng ký'), {
      target: {
        value: `commune-kiosk-enrol:?url=https%3A%2F%2F10.0.0.9%3A5180&code=WXYZ-6789&sha256=${sha}`,
      },
    });
    expect((screen.getByLabelText('Địa chỉ máy chủ của cơ quan') as HTMLInputElement).value).toBe(
      'https://10.0.0.9:5180',
    );
    expect((screen.getByLabelText('Mã đăng ký') as HTMLInputElement).value).toBe('WXYZ-6789');
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));
    await waitFor(() => expect(calls.some(([m]) => m === 'syncEnrol')).toBe(true));
    expect(calls.find(([m]) => m === 'syncEnrol')![1]).toMatchObject({
      officeUrl: 'https://10.0.0.9:5180',
      enrolmentCode: 'WXYZ-6789',
      certificateSha256: 'EF56'.repeat(16).match(/.{4}/g)!.join(' '),
    });
  });

  it('shows a refused fingerprint next to the fingerprint field, keeping what was typed', async () => {
    mount(base, () => ({ ok: false, reason: 'untrusted-office', message: 'other certificate' }));
    await screen.findByText(/Ki-ốt chưa đăng ký/);
    fireEvent.change(screen.getByLabelText('Mã đăng ký'), { target: { value: 'abcd-2345' } });
    fireEvent.change(screen.getByLabelText('Dấu vân tay chứng chỉ (SHA-256)'), { target: { value: 'ab12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/chứng chỉ khác với dấu vân tay đã nhập/);
    const field = screen.getByLabelText('Dấu vân tay chứng chỉ (SHA-256)') as HTMLInputElement;
    expect(field.value).toBe('AB12');
    expect(field.getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('says the kiosk is not enrolled and pre-fills the suggested office address', async () => {
    mount(base);
    expect(await screen.findByText(/Ki-ốt chưa đăng ký với cơ quan/)).toBeTruthy();
    expect((screen.getByLabelText('Địa chỉ máy chủ của cơ quan') as HTMLInputElement).value).toBe(
      'http://10.0.0.5:5180',
    );
    expect(screen.getByText('Chưa có')).toBeTruthy();
  });

  it('shows a refused code next to the code field, keeping what was typed', async () => {
    mount(base, () => ({ ok: false, reason: 'code-refused', message: 'used' }));
    await screen.findByText(/Ki-ốt chưa đăng ký/);
    fireEvent.change(screen.getByLabelText('Mã đăng ký'), { target: { value: 'abcd-2345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/mã sai, đã dùng hoặc đã hết hạn/);
    const code = screen.getByLabelText('Mã đăng ký') as HTMLInputElement;
    expect(code.value).toBe('ABCD-2345');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(code.getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('shows an unreachable office next to the address field', async () => {
    mount(base, () => ({ ok: false, reason: 'unreachable', message: 'ECONNREFUSED' }));
    await screen.findByText(/Ki-ốt chưa đăng ký/);
    fireEvent.change(screen.getByLabelText('Mã đăng ký'), { target: { value: 'ABCD-2345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));
    await screen.findByRole('alert');
    const url = screen.getByLabelText('Địa chỉ máy chủ của cơ quan');
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(url.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Không kết nối được tới địa chỉ này/,
    );
  });

  it('enrols, then shows the device id and the connection', async () => {
    const calls = mount(base, () => ({ ok: true, kioskId: KIOSK, officeName: 'UBND xã Thử' }));
    await screen.findByText(/Ki-ốt chưa đăng ký/);
    fireEvent.change(screen.getByLabelText('Mã đăng ký'), { target: { value: 'abcd2345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký' }));
    expect(await screen.findByText(`Đã đăng ký với UBND xã Thử. Mã thiết bị: ${KIOSK}`)).toBeTruthy();
    expect(calls.find(([m]) => m === 'syncEnrol')?.[1]).toEqual({
      officeUrl: 'http://10.0.0.5:5180',
      enrolmentCode: 'ABCD2345',
      firstSeq: 1, // an empty outbox on a new kiosk
    });
    expect(await screen.findByText('Đang kết nối được với cơ quan')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đăng ký lại' })).toBeTruthy();
  });

  it('re-enrols from the lowest seq still waiting in the outbox, else the next one', async () => {
    const db = kioskDb();
    await putMeta(db, META.outboxSeq, 5);
    // 1…3 reached the office before the kiosk was revoked (and left the outbox); 4 and 5 wait.
    await db.outbox.bulkAdd(
      [4, 5].map((seq) =>
        newOutboxRow(
          { id: newId(), kind: 'dossier', seq, hash: 'a'.repeat(64), payload: {}, dossierId: null },
          new Date(),
        ),
      ),
    );
    const calls = mount(
      { ...base, enrolled: true, kioskId: KIOSK, officeName: 'UBND xã Thử', needsReEnrolment: true },
      () => ({ ok: true, kioskId: KIOSK, officeName: 'UBND xã Thử' }),
    );
    const enrolWith = async (code: string) => {
      fireEvent.change(screen.getByLabelText('Mã đăng ký'), { target: { value: code } });
      fireEvent.click(screen.getByRole('button', { name: 'Đăng ký lại' }));
      await screen.findByText(`Đã đăng ký với UBND xã Thử. Mã thiết bị: ${KIOSK}`);
      return calls.filter(([m]) => m === 'syncEnrol').at(-1)?.[1];
    };
    await screen.findByText('Cần đăng ký lại');
    expect(await enrolWith('ABCD-2345')).toMatchObject({ enrolmentCode: 'ABCD-2345', firstSeq: 4 });

    await db.outbox.clear(); // acknowledged
    expect(await enrolWith('EFGH-6789')).toMatchObject({ enrolmentCode: 'EFGH-6789', firstSeq: 6 });
  });

  it('shows "Cần đăng ký lại" when revoked and the last sync in Vietnam time', async () => {
    mount({
      ...base,
      enrolled: true,
      kioskId: KIOSK,
      officeName: 'UBND xã Thử',
      needsReEnrolment: true,
      lastSuccessAt: '2026-11-23T17:05:00.000Z',
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Cần đăng ký lại')).toBeTruthy();
    expect(alert.textContent).toMatch(/Mọi hồ sơ vẫn được giữ trên máy/);
    // 17:05 UTC on the 23rd is 00:05 on the 24th in Vietnam.
    expect(screen.getByText('24/11/2026 00:05')).toBeTruthy();
  });

  it('lists refused items by dossier code with the reason, and sends one again on request', async () => {
    const db = kioskDb();
    const dossierId = newId();
    await db.dossiers.add({
      id: dossierId,
      code: 'TEST.00565-261124-0007',
      kioskId: KIOSK,
      procedureCode: '1.001193',
      models: ['no-writing'],
      formId: 'birth-registration',
      formData: {},
      applicantName: 'Nguyễn Thị Hoa',
      volunteerId: null,
      receivedAt: '2026-11-24T09:00:00+07:00',
      dueAt: '2026-11-24T17:00:00+07:00',
      attachmentHashes: [],
      createdAt: '2026-11-24T02:00:00.000Z',
    });
    await db.outbox.bulkAdd([
      {
        ...newOutboxRow(
          { id: dossierId, kind: 'dossier', seq: 7, hash: 'a'.repeat(64), payload: {}, dossierId },
          new Date(),
        ),
        status: 'refused' as const,
        lastError: 'payload.procedureCode: not in the office catalogue',
      },
      {
        ...newOutboxRow(
          { id: newId(), kind: 'rating', seq: 8, hash: 'b'.repeat(64), payload: {}, dossierId: null },
          new Date(),
        ),
        status: 'refused' as const,
        lastError: 'payload.score: out of range',
      },
    ]);
    mount({ ...base, enrolled: true, kioskId: KIOSK, officeName: 'UBND xã Thử' });
    const item = (await screen.findByText(/Hồ sơ TEST\.00565-261124-0007/)).closest('li')!;
    expect(item.textContent).toMatch(/not in the office catalogue/);
    expect(screen.getByText(/Đánh giá số thứ tự 8: payload\.score: out of range/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Gửi lại cả 2 mục' })).toBeTruthy();

    fireEvent.click(within(item as HTMLElement).getByRole('button', { name: 'Gửi lại' }));
    await waitFor(async () => expect((await db.outbox.get(dossierId))?.status).toBe('pending'));
    await waitFor(() => expect(screen.queryByText(/Hồ sơ TEST\.00565-261124-0007/)).toBeNull());
    expect(screen.getByText(/Đánh giá số thứ tự 8/)).toBeTruthy();
    expect(useSyncStore.getState().state).toMatchObject({ waiting: 1, waitingDossiers: 1, refused: 1 });
    await db.dossiers.clear();
  });
});
