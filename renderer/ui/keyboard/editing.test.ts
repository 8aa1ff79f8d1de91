import { describe, expect, it } from 'vitest';
import { caretAfterNormalising, editAt, type KeyPress } from './editing.ts';
import type { InputMethod } from './vietnamese-input.ts';

/** "Ngu|yên": the text with the caret written as "|" (a selection as "[...]"). */
function parse(marked: string): { text: string; start: number; end: number } {
  const sel = /\[(.*)\]/u.exec(marked);
  if (sel) {
    const start = sel.index;
    return { text: marked.replace(/[[\]]/gu, ''), start, end: start + sel[1]!.length };
  }
  const at = marked.indexOf('|');
  return { text: marked.replace('|', ''), start: at, end: at };
}
const show = (e: { text: string; caret: number }) => e.text.slice(0, e.caret) + '|' + e.text.slice(e.caret);

/** Presses written as in the table: a letter, "´`?~." for the tones, "⌫", "←", "→", "⌧" (clear). */
function press(k: string): KeyPress {
  const tones: Record<string, KeyPress> = {
    '´': { kind: 'tone', tone: 'acute' },
    '`': { kind: 'tone', tone: 'grave' },
    '?': { kind: 'tone', tone: 'hook' },
    '~': { kind: 'tone', tone: 'tilde' },
    '.': { kind: 'tone', tone: 'dot' },
  };
  if (tones[k]) return tones[k];
  if (k === '⌫') return { kind: 'backspace' };
  if (k === '←') return { kind: 'left' };
  if (k === '→') return { kind: 'right' };
  if (k === '⌧') return { kind: 'clear' };
  return { kind: 'char', char: k };
}

function run(marked: string, keys: string, method: InputMethod = 'telex'): string {
  const { text, start, end } = parse(marked);
  let state = { text, caret: end };
  let selection = { start, end };
  for (const k of keys) {
    state = editAt(state.text, selection, press(k), method);
    selection = { start: state.caret, end: state.caret };
  }
  return show(state);
}

describe('the on-screen tone and letter keys (no Telex needed)', () => {
  it.each([
    // A whole name from letters, the ê/â/ă/ư/ơ/đ keys and the tone keys.
    ['|', 'Nguyê~n Văn Ân', 'Nguyễn Văn Ân|'],
    ['|', 'Trâ`n Thi. Hă`ng', 'Trần Thị Hằng|'],
    ['|', 'Nguyê~n', 'Nguyễn|'],
    ['|', 'Nguyên~', 'Nguyễn|'],
    ['|', 'hoa`', 'hoà|'],
    ['|', 'hoa`n', 'hoàn|'],
    ['|', 'thuy?', 'thuỷ|'],
    ['|', 'ngươ`i', 'người|'],
    ['|', 'nguơ`i', 'người|'],
    ['|', 'đươ.c', 'được|'],
    ['|', 'tră`m', 'trằm|'],
    ['|', 'Ân.', 'Ận|'],
    ['|', 'gia´', 'giá|'],
    ['|', 'gi`n', 'gìn|'],
    ['|', 'qua´', 'quá|'],
    ['|', 'khuyu?', 'khuỷu|'],
  ])('%s + %s → %s', (start, keys, expected) => {
    expect(run(start, keys, 'off')).toBe(expected);
  });

  it('a tone key twice takes the tone off; another tone replaces it', () => {
    expect(run('Nguyễn|', '~')).toBe('Nguyên|');
    expect(run('Nguyễn|', '´')).toBe('Nguyến|');
  });

  it('a tone key with no vowel in the word, or no word at the caret, changes nothing', () => {
    expect(run('Ng|', '´')).toBe('Ng|');
    expect(run('An |', '´')).toBe('An |');
    expect(run('|', '.')).toBe('|');
  });

  it('marks the word the caret is in, wherever the caret is in it', () => {
    expect(run('Ngu|yên Văn', '~')).toBe('Ngu|yễn Văn');
    expect(run('|Nguyên Văn', '~')).toBe('|Nguyễn Văn');
    expect(run('Nguyên Vă|n', '`')).toBe('Nguyên Vằ|n');
  });
});

describe('editing at the caret', () => {
  it.each([
    // Inserting in the middle of a word keeps the rest and moves the tone with the word.
    ['Ngyễn|', '←←←', 'Ng|yễn'],
    // Not one syllable (two vowel groups): the tone stays where it was.
    ['N|gyễn', 'u', 'Nu|gyễn'],
    ['Ng|yễn', 'u', 'Ngu|yễn'],
    ['ho|a', 'à'.normalize('NFC'), 'hoà|a'],
    ['hò|', 'a', 'hoà|'],
    ['hò|', 'an', 'hoàn|'],
    // Backspace takes the letter with its tone.
    ['hoà|n', '⌫', 'ho|n'],
    ['hoàn|', '⌫', 'hoà|'],
    ['Văn |Ân', 'Nguyễn ', 'Văn Nguyễn |Ân'],
    ['|', '⌫', '|'],
    ['Văn|', '→', 'Văn|'],
    ['Văn|', '⌧', '|'],
    ['[Văn] Ân', 'Lê', 'Lê| Ân'],
    ['[Văn] Ân', '⌫', '| Ân'],
  ])('%s + %s → %s', (start, keys, expected) => {
    expect(run(start, keys, 'off')).toBe(expected);
  });

  it('composes Telex on the part of the word before the caret and re-places the tone on the whole word', () => {
    expect(run('Nguye|n', 'e')).toBe('Nguyê|n');
    expect(run('Nguyê|n', 'x')).toBe('Nguyễ|n');
    expect(run('ddu|ng', 'w')).toBe('ddư|ng');
    expect(run('|', 'Nguyeenx')).toBe('Nguyễn|');
  });

  it('VNI digits compose at the caret', () => {
    expect(run('Nguye|n', '64', 'vni')).toBe('Nguyễ|n');
  });

  it('always gives NFC text', () => {
    const out = editAt('Nguye\u0302n'.normalize('NFD'), { start: 5, end: 5 }, press('~'), 'off');
    expect(out.text).toBe('Nguyễn');
    expect(out.text).toBe(out.text.normalize('NFC'));
  });
});

describe('caretAfterNormalising', () => {
  it('keeps the text after the caret after it', () => {
    expect(caretAfterNormalising({ text: '1503', caret: 4 }, '15/03')).toBe(5);
    expect(caretAfterNormalising({ text: '15/0|3'.replace('|', ''), caret: 4 }, '15/03')).toBe(4);
    expect(caretAfterNormalising({ text: 'nguyễn', caret: 3 }, 'Nguyễn')).toBe(3);
    expect(caretAfterNormalising({ text: 'abc', caret: 0 }, '')).toBe(0);
  });
});
