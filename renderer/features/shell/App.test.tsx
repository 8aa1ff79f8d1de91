// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from './App.tsx';
import { preloadScreens } from './screens.tsx';
import { createBridgeClient } from '../../bridge/client.ts';
import { useShellStore } from './store.ts';
import { useKeyboardStore } from '../../ui/index.ts';
import { useConfigStore } from './config-store.ts';
import { useCatalogueStore } from '../catalogue/store.ts';
import { testProfile, vn } from '../../../shared/domain/test-support.ts';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';

function clientReturning(value: unknown) {
  return createBridgeClient(async () => value);
}
const okConfig = () => ({
  ok: true,
  value: { profile: testProfile(), catalogue: CATALOGUE, appVersion: '0.0.0', host: 'headless' },
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  useShellStore.getState().resetSession();
  useCatalogueStore.getState().setQuery('');
  useConfigStore.setState({ state: { status: 'loading' } });
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  // The lazy screens' chunks the shell prefetches must finish loading before the environment goes.
  await preloadScreens();
});

describe('App shell', () => {
  it('shows Monday in Vietnam (while UTC is still Sunday) with the no-appointment procedures as tiles', async () => {
    vi.setSystemTime(vn('2026-11-23 06:30')); // Sunday 23:30 UTC
    render(<App client={clientReturning(okConfig())} />);
    expect(await screen.findByText('Thứ Hai, 23/11/2026')).toBeTruthy();
    expect(screen.getByText('06:30')).toBeTruthy();
    expect(screen.getByText('Chưa đến giờ làm việc, mở cửa lúc 07:30')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ngày không giấy hẹn' })).toBeTruthy();
    const list = within(screen.getByRole('list', { name: 'Thủ tục được phục vụ hôm nay' }));
    // One card per procedure, one action per card (a form, or what to bring to the desk).
    expect(list.getAllByRole('button')).toHaveLength(4);
    expect(list.getAllByText('Ngày không giấy hẹn')).toHaveLength(4);
    expect(list.getAllByRole('button', { name: /^Khai tờ khai: / }).length).toBeGreaterThan(0);
    // A procedure without a form opens its page (what to bring to the desk).
    const details = list.getAllByRole('button', { name: /^Xem chi tiết: / })[0]!;
    const withoutForm = details.getAttribute('aria-label')!.replace('Xem chi tiết: ', '');
    fireEvent.click(details);
    // Screens other than Today arrive as their own chunk: wait for it (the first import of a
    // chunk here is also its first transform, slow on a busy machine).
    expect(
      await screen.findByRole('heading', { level: 1, name: withoutForm }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(
      screen.getByText('Hôm nay thủ tục này được giải quyết trong ngày nếu nộp trước 15:00.'),
    ).toBeTruthy();
  });

  it('lists a procedure two models serve today once, with a badge for each; at lunch says when the desk reopens', async () => {
    vi.setSystemTime(vn('2026-11-24 12:10')); // Tuesday: 1.004873 is no-appointment and no-writing
    render(<App client={clientReturning(okConfig())} />);
    expect(await screen.findByText('Đang nghỉ trưa, mở lại lúc 13:30')).toBeTruthy();
    const list = within(screen.getByRole('list', { name: 'Thủ tục được phục vụ hôm nay' }));
    const items = list.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label')!.split(' — ')[0])).toEqual(
      ['2.000815', '1.004873', '1.001193'].map(
        (c) => CATALOGUE.procedures.find((p) => p.code === c)!.name.vi,
      ),
    );
    const both = within(items[1]!);
    expect(both.getByText('Ngày không giấy hẹn')).toBeTruthy();
    expect(both.getByText('Ngày không viết')).toBeTruthy();
  });

  it('keeps every header button in place: "Quay lại" is laid out on Today but hidden, staff functions sit behind "Cán bộ"', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(<App client={clientReturning(okConfig())} />);
    const nav = within(await screen.findByRole('navigation', { name: 'Điều hướng chính' }));
    const names = () => nav.getAllByRole('button', { hidden: true }).map((b) => b.textContent);
    const onToday = names();
    expect(onToday).toEqual(['Quay lại', 'Hôm nay', 'Tìm thủ tục', 'English', 'Chữ to', 'Cán bộ']);
    expect(nav.queryByRole('button', { name: 'Quay lại' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cài đặt' })).toBeNull();
    fireEvent.click(nav.getByRole('button', { name: 'Cán bộ' }));
    expect(await screen.findByRole('heading', { name: 'Dành cho cán bộ và tình nguyện viên' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tình nguyện viên' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cài đặt' })).toBeTruthy();
    expect(names()).toEqual(onToday);
    fireEvent.click(nav.getByRole('button', { name: 'Quay lại' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Hôm nay tại/);
  });

  it('the catalogue opens on fields: a field lists its procedures, each with its declaration', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(<App client={clientReturning(okConfig())} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tìm tất cả thủ tục' }));
    const fields = within(await screen.findByRole('list', { name: 'Chọn lĩnh vực' }));
    expect(fields.getAllByRole('button').map((b) => b.querySelector('.group-name')!.textContent)).toEqual([
      'Hộ tịch',
      'Chứng thực',
      'Đất đai và giao dịch bảo đảm',
      'Kinh doanh',
    ]);
    fireEvent.click(fields.getByRole('button', { name: /^Hộ tịch/ }));
    const list = within(screen.getByRole('list', { name: 'Thủ tục thuộc lĩnh vực Hộ tịch' }));
    expect(list.getByRole('button', { name: 'Khai tờ khai: Đăng ký khai sinh' })).toBeTruthy();
  });

  it('a search with no result says to ask for help and offers the fields', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(<App client={clientReturning(okConfig())} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tìm tất cả thủ tục' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm thủ tục' }), { target: { value: 'qqqwww' } });
    expect(await screen.findByText(/nhờ tình nguyện viên, cán bộ giúp/)).toBeTruthy();
    const fields = within(screen.getByRole('list', { name: 'Chọn theo lĩnh vực' }));
    expect(fields.getAllByRole('button')).toHaveLength(4);
  });

  it('on a day with no model says so and tells when each model runs next', async () => {
    vi.setSystemTime(vn('2026-11-25 09:00')); // Wednesday
    render(<App client={clientReturning(okConfig())} />);
    expect(await screen.findByText(/Hôm nay không có ngày cải cách nào/)).toBeTruthy();
    expect(screen.getByText('Ngày dịch vụ công trực tuyến: Thứ Năm, ngày 26/11/2026')).toBeTruthy();
    expect(screen.getByText('Ngày không giấy hẹn: Thứ Hai, ngày 30/11/2026')).toBeTruthy();
  });

  it('reports a configuration it cannot load, in the chosen language, with a retry', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(
      <App client={clientReturning({ ok: false, error: { code: 'profile-invalid', message: 'bad' } })} />,
    );
    expect(await screen.findByText('Ki-ốt chưa sẵn sàng')).toBeTruthy();
    expect(screen.getByText(/profile-invalid/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('The kiosk is not ready')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('searches without diacritics and lists results named by their Vietnamese name', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(<App client={clientReturning(okConfig())} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tìm tất cả thủ tục' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm thủ tục' }), {
      target: { value: 'dang ky khai sinh' },
    });
    const list = await screen.findByRole('list', { name: /Kết quả tìm kiếm/ });
    const first = within(list).getAllByRole('listitem')[0]!;
    expect(first.getAttribute('aria-label')).toMatch(/^Đăng ký khai sinh/);
  });

  it('the on-screen keyboard types Vietnamese with Telex into the search box', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(<App client={clientReturning(okConfig())} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tìm tất cả thủ tục' }));
    const keyboard = screen.getByRole('group', { name: 'Bàn phím tiếng Việt' });
    for (const k of 'kethoon') fireEvent.click(within(keyboard).getByRole('button', { name: k }));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('kethôn');
    fireEvent.click(within(keyboard).getByRole('button', { name: /Xoá hết/ }));
    fireEvent.click(within(keyboard).getByRole('radio', { name: 'VNI' }));
    for (const k of 'ke1t') fireEvent.click(within(keyboard).getByRole('button', { name: k }));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('két');
  });

  it('the end of the rating gives the next citizen the start keyboard and text size', async () => {
    vi.setSystemTime(vn('2026-11-23 09:00'));
    render(<App client={clientReturning(okConfig())} />);
    await screen.findByRole('button', { name: 'Tìm tất cả thủ tục' });
    const keyboard = useKeyboardStore.getState();
    const shell = useShellStore.getState();
    for (const leave of ['Bỏ qua', 'Về trang đầu']) {
      keyboard.setMethod('vni');
      keyboard.setVisible(false);
      keyboard.toggleShift();
      shell.toggleLargeText();
      act(() => shell.navigate({ name: 'satisfaction', dossierId: null, procedureCode: null }));
      await screen.findByRole('heading', { level: 1, name: /có hài lòng/ }, { timeout: 5000 });
      if (leave === 'Về trang đầu') {
        fireEvent.click(screen.getAllByRole('radio')[0]!);
        fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
      }
      fireEvent.click(await screen.findByRole('button', { name: leave }));
      expect(useKeyboardStore.getState()).toMatchObject({ method: 'telex', visible: true, shift: false });
      expect(useShellStore.getState()).toMatchObject({
        screen: { name: 'today' },
        history: [],
        largeText: false,
      });
      expect(await screen.findByRole('button', { name: 'Tìm tất cả thủ tục' })).toBeTruthy();
    }
  });

  it('idle reset: warns with a countdown, then returns to Today and forgets the search', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(vn('2026-11-23 09:00'));
    const profile = testProfile({
      kiosk: { idleTimeoutSeconds: 30, idleWarningSeconds: 10, receiptPaper: 'A5' },
    });
    render(
      <App
        client={clientReturning({
          ok: true,
          value: { profile, catalogue: CATALOGUE, appVersion: '0', host: 'headless' },
        })}
      />,
    );
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tìm tất cả thủ tục' }));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'khai sinh' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(21_000);
    });
    expect(screen.getByRole('alertdialog').textContent).toMatch(/sau (9|10) giây/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Hôm nay tại/);
    expect(useCatalogueStore.getState().query).toBe('');
  });
});
