import { describe, expect, it } from 'vitest';
import {
  createBurstState,
  feedKey,
  feedText,
  nextDeadline,
  tick,
  type BurstSettlement,
  type BurstState,
} from './scanner-burst.ts';

/** Plays keys at the given times, running tick whenever a deadline passes, like the renderer. */
function play(
  events: Array<[string, number]>,
  end: number,
): { settled: BurstSettlement[]; decisions: string[] } {
  let state: BurstState = createBurstState();
  const settled: BurstSettlement[] = [];
  const decisions: string[] = [];
  for (const [key, at] of events) {
    const deadline = nextDeadline(state);
    if (deadline !== null && deadline <= at) {
      const t = tick(state, deadline);
      state = t.state;
      settled.push(...t.settled);
    }
    const step = feedKey(state, key, at);
    state = step.state;
    settled.push(...step.settled);
    decisions.push(step.decision);
  }
  const t = tick(state, end);
  settled.push(...t.settled);
  return { settled, decisions };
}

const QR = '042098654321|186000001|Nguyen Van An|01011998|Nam|Thon 1|15082021';

describe('scanner burst detector', () => {
  it('captures a scanner burst terminated by Enter, swallowing the Enter', () => {
    const events: Array<[string, number]> = [...QR].map((c, i) => [c, 1000 + i * 8]);
    events.push(['Enter', 1000 + QR.length * 8]);
    const { settled, decisions } = play(events, 5000);
    expect(settled).toEqual([{ kind: 'scan', text: QR }]);
    expect(decisions.every((d) => d === 'hold')).toBe(true);
  });

  it('captures a burst ended by a quiet gap (scanner without terminator)', () => {
    const events: Array<[string, number]> = [...QR].map((c, i) => [c, i * 12]);
    expect(play(events, 10_000).settled).toEqual([{ kind: 'scan', text: QR }]);
  });

  it('ignores Shift between characters', () => {
    const events: Array<[string, number]> = [];
    [...QR].forEach((c, i) => {
      events.push(['Shift', i * 10 + 1]);
      events.push([c, i * 10 + 2]);
    });
    expect(play(events, 10_000).settled).toEqual([{ kind: 'scan', text: QR }]);
  });

  it('gives a person their keys back, in order, and lets their Enter through', () => {
    const typed = 'Nguyen Van An';
    const events: Array<[string, number]> = [...typed].map((c, i) => [c, i * 150]);
    events.push(['Enter', typed.length * 150]);
    const { settled, decisions } = play(events, 10_000);
    expect(settled.every((s) => s.kind === 'release')).toBe(true);
    expect(settled.map((s) => s.text).join('')).toBe(typed);
    expect(decisions.at(-1)).toBe('pass');
  });

  it('a fast typist’s short rollover run is still a person', () => {
    // Two keys 20 ms apart, then a pause, repeated: never 20 fast keys in a row.
    const events: Array<[string, number]> = [];
    for (let i = 0; i < 15; i++) {
      events.push(['a', i * 200]);
      events.push(['b', i * 200 + 20]);
    }
    const { settled } = play(events, 10_000);
    expect(settled.every((s) => s.kind === 'release')).toBe(true);
    expect(settled.map((s) => s.text).join('')).toBe('ab'.repeat(15));
  });

  it('a short fast run followed by Enter is released before the Enter passes', () => {
    const step1 = feedKey(createBurstState(), '1', 0);
    const step2 = feedKey(step1.state, '2', 5);
    const enter = feedKey(step2.state, 'Enter', 10);
    expect(enter.settled).toEqual([{ kind: 'release', text: '12' }]);
    expect(enter.decision).toBe('pass');
  });

  it('passes navigation keys without touching the buffer', () => {
    const s = feedKey(createBurstState(), 'x', 0);
    const arrow = feedKey(s.state, 'ArrowLeft', 5);
    expect(arrow.decision).toBe('pass');
    expect(arrow.state).toBe(s.state);
    expect(nextDeadline(createBurstState())).toBeNull();
  });
});

describe('text input in a burst', () => {
  const VI_QR = '001301012345||Trần Thị Đào|05062001|Nữ|Số 5, Phường Ba Đình, Hà Nội|01022022';

  /** Keys for ASCII, text input for the rest: a scanner in Alt-code mode, or keyboard.type. */
  function playMixed(text: string, gap: number): BurstSettlement[] {
    let state = createBurstState();
    const settled: BurstSettlement[] = [];
    [...text].forEach((c, i) => {
      const step = c.charCodeAt(0) < 128 ? feedKey(state, c, i * gap) : feedText(state, c, i * gap);
      expect(step.decision).toBe('hold');
      state = step.state;
      settled.push(...step.settled);
    });
    settled.push(...tick(state, 100_000).settled);
    return settled;
  }

  it('a burst half keys, half text input is one scan with every letter', () => {
    expect(playMixed(VI_QR, 6)).toEqual([{ kind: 'scan', text: VI_QR }]);
  });

  it('the whole code inserted as one text is a scan', () => {
    const step = feedText(createBurstState(), VI_QR, 50);
    expect(step.decision).toBe('hold');
    expect(tick(step.state, 200).settled).toEqual([{ kind: 'scan', text: VI_QR }]);
  });

  it('text from an input method while nothing is held passes, a letter or a word', () => {
    const step = feedText(createBurstState(), 'ễ', 0);
    expect(step).toMatchObject({ decision: 'pass', settled: [] });
    const word = feedText(createBurstState(), 'Bệnh viện đa khoa Gia Lâm', 0);
    expect(word).toMatchObject({ decision: 'pass', settled: [] });
    expect(feedText(createBurstState(), 'https://dichvucong.gov.vn/p/home', 0).decision).toBe('hold');
    // …and settles a stale run first, so the person's earlier key comes back before it.
    const held = feedKey(createBurstState(), 'a', 0);
    const late = feedText(held.state, 'ễ', 500);
    expect(late.decision).toBe('pass');
    expect(late.settled).toEqual([{ kind: 'release', text: 'a' }]);
  });

  it('a person’s typing with an input method is given back as typed', () => {
    // 'N', then the input method's 'ễ' 10 ms later (while 'N' is held), at a person's pace.
    const s1 = feedKey(createBurstState(), 'N', 0);
    const s2 = feedText(s1.state, 'ễ', 10);
    expect(s2.decision).toBe('hold');
    expect(tick(s2.state, 500).settled).toEqual([{ kind: 'release', text: 'Nễ' }]);
  });
});
