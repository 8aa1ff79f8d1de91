// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GOOD_ID_CARDS, REJECT_ID_CARDS } from '../../../tests/support/id-card-samples.ts';
import { installScannerCapture } from './scanner-capture.ts';

/**
 * jsdom has no default actions, so these helpers play the browser's part: a key that is
 * not prevented becomes a text input, and a text input that is not prevented is inserted
 * into the focused field and announced by `input`, as Chromium does.
 */
function insert(text: string, cancelable = true): void {
  const el = document.activeElement;
  const before = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data: text,
    bubbles: true,
    cancelable,
  });
  if (!(el ?? document.body).dispatchEvent(before) && cancelable) return;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    const at = el.selectionStart ?? el.value.length;
    el.value = el.value.slice(0, at) + text + el.value.slice(el.selectionEnd ?? at);
    el.setSelectionRange(at + text.length, at + text.length);
    el.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
  }
}

function press(key: string): void {
  const target = document.activeElement ?? document.body;
  const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  if (target.dispatchEvent(down) && [...key].length === 1) insert(key);
}

/** Time passing between two things typed, with the capture's timers firing. */
let clock = 0;
function wait(ms: number): void {
  clock += ms;
  vi.advanceTimersByTime(ms);
}

/** A scanner in keyboard mode: every character a keydown, then Enter. */
function keydownBurst(text: string): void {
  for (const c of [...text]) {
    press(c);
    wait(3);
  }
  press('Enter');
}

/** A scanner that types ASCII as keys and the Vietnamese letters as text (Alt-code mode, keyboard.type). */
function mixedBurst(text: string): void {
  for (const c of [...text]) {
    if (c.charCodeAt(0) < 128) press(c);
    else insert(c);
    wait(3);
  }
  press('Enter');
}

/** The whole code inserted as one text (Unicode mode, keyboard.insertText). */
function textBurst(text: string, cancelable = true): void {
  insert(text, cancelable);
}

let scans: string[];
let released: string[];
let field: HTMLInputElement;
let fieldInputs: number;
let uninstall: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
  scans = [];
  released = [];
  fieldInputs = 0;
  document.body.innerHTML = '<h2 tabindex="-1">Bước 1</h2><input aria-label="Số điện thoại" value="09">';
  field = document.querySelector('input')!;
  // What the field's own handler (React's onChange) sees.
  field.addEventListener('input', () => fieldInputs++);
  uninstall = installScannerCapture(
    window,
    {
      onScan: (text) => scans.push(text),
      onRelease: (text) => released.push(text),
    },
    { now: () => clock },
  );
});

afterEach(() => {
  uninstall();
  vi.useRealTimers();
});

const bursts = { keydown: keydownBurst, mixed: mixedBurst, text: (t: string) => textBurst(t) };
const samples = [...GOOD_ID_CARDS, ...REJECT_ID_CARDS];

describe('scanner capture', () => {
  it.each(samples)(
    '$name: keydown, mixed and text-input bursts give the same scan, none in the field',
    (sample) => {
      for (const [, burst] of Object.entries(bursts)) {
        field.focus();
        field.setSelectionRange(2, 2);
        burst(sample.qr);
        wait(100);
        expect(field.value).toBe('09');
        expect(document.activeElement).toBe(field);
      }
      expect(scans).toEqual([sample.qr, sample.qr, sample.qr]);
      expect(released).toEqual([]);
      expect(fieldInputs).toBe(0);
    },
  );

  it('a burst while a heading has the focus keeps its letters and gives the focus back', () => {
    const heading = document.querySelector('h2')!;
    heading.focus();
    const sample = GOOD_ID_CARDS[1]!;
    mixedBurst(sample.qr);
    wait(100);
    expect(scans).toEqual([sample.qr]);
    expect(document.activeElement).toBe(heading);
    expect(document.querySelector('textarea')!.value).toBe('');
  });

  it('a text input that cannot be cancelled is taken back out of the field', () => {
    field.focus();
    field.setSelectionRange(2, 2);
    const sample = GOOD_ID_CARDS[1]!;
    textBurst(sample.qr, false);
    wait(100);
    expect(field.value).toBe('09');
    expect(fieldInputs).toBe(0);
    expect(scans).toEqual([sample.qr]);
  });

  it('a person’s keys and input-method letters are given back, in order', () => {
    field.focus();
    field.setSelectionRange(2, 2);
    for (const c of ['N', 'g']) {
      press(c);
      wait(150);
    }
    // A lone letter from an input method while nothing is held goes straight in.
    insert('ễ');
    expect(released).toEqual(['N', 'g']);
    expect(field.value).toBe('09ễ');
    expect(scans).toEqual([]);
  });

  it('uninstalling gives held keys back and removes the sink', () => {
    document.querySelector('h2')!.focus();
    press('7');
    uninstall();
    uninstall = () => undefined;
    expect(released).toEqual(['7']);
    expect(document.querySelector('textarea')).toBeNull();
  });
});
