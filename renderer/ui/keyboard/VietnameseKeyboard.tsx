import { useTranslation } from 'react-i18next';
import { Keypad, type KeyDef } from '../keypad/Keypad.tsx';
import { pressKey, type TextFieldRef } from './caret.ts';
import type { KeyPress } from './editing.ts';
import { useKeyboardStore } from './store.ts';
import { TONE_NAMES, type ToneName } from './vietnamese-input.ts';

const MARKED_LETTERS = ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'] as const;
/** Each tone shown on a vowel, as people learn them: a, á, à, ả, ã, ạ. */
const TONE_SAMPLE: Record<ToneName, string> = { acute: 'á', grave: 'à', hook: 'ả', tilde: 'ã', dot: 'ạ' };
const LETTER_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;

/**
 * The on-screen Vietnamese keyboard. Nobody needs to know Telex or VNI: the keys ă â đ ê ô
 * ơ ư type those letters, and the five tone keys put the tone on the right vowel of the word
 * at the caret (pressed again, they take it off). Telex and VNI still compose the letter keys
 * for those who type that way. Keys edit at the caret of `target`, the field showing `value`.
 */
export function VietnameseKeyboard({
  value,
  onChange,
  target,
}: {
  value: string;
  onChange: (next: string) => void;
  target?: TextFieldRef;
}) {
  const { t } = useTranslation('ui');
  const { method, shift, setMethod, toggleShift, releaseShift } = useKeyboardStore();
  const press = (p: KeyPress) => pressKey(target, value, onChange, p, method);
  const typeChar = (c: string) => {
    press({ kind: 'char', char: shift ? c.toUpperCase() : c });
    if (shift) releaseShift();
  };
  const shown = (c: string) => (shift ? c.toUpperCase() : c);
  const charKey = (c: string, variant?: string): KeyDef => ({
    id: c,
    label: shown(c),
    onPress: () => typeChar(c),
    variant,
  });

  const marks = MARKED_LETTERS.map((c) => charKey(c, 'mark'));
  const tones: KeyDef[] = TONE_NAMES.map((tone) => ({
    id: tone,
    variant: 'tone',
    onPress: () => press({ kind: 'tone', tone }),
    label: (
      <>
        <span className="tone-sample" aria-hidden="true">
          {TONE_SAMPLE[tone]}
        </span>
        <span className="tone-word">{t(`keyboard.tone.${tone}`)}</span>
      </>
    ),
  }));
  const letters = LETTER_ROWS.map((row) => [...row].map((c) => charKey(c)));
  letters[3] = [
    { id: 'shift', label: `⇧ ${t('keyboard.shift')}`, onPress: toggleShift, pressed: shift, variant: 'wide' },
    ...letters[3]!,
    {
      id: 'backspace',
      label: `⌫ ${t('keyboard.backspace')}`,
      onPress: () => press({ kind: 'backspace' }),
      variant: 'wide',
    },
  ];
  const bottom: KeyDef[] = [
    {
      id: 'left',
      label: '◀',
      name: t('keyboard.left'),
      onPress: () => press({ kind: 'left' }),
      variant: 'action',
    },
    {
      id: 'right',
      label: '▶',
      name: t('keyboard.right'),
      onPress: () => press({ kind: 'right' }),
      variant: 'action',
    },
    {
      id: 'space',
      label: t('keyboard.space'),
      onPress: () => press({ kind: 'char', char: ' ' }),
      variant: 'space',
    },
    { id: 'clear', label: t('keyboard.clear'), onPress: () => press({ kind: 'clear' }), variant: 'wide' },
  ];

  return (
    <Keypad label={t('keyboard.label')} rows={[marks, tones, ...letters, bottom]} className="vn-keyboard">
      <div className="keyboard-top">
        <p className="keyboard-hint">{t('keyboard.toneHint')}</p>
        <div className="keyboard-methods" role="radiogroup" aria-label={t('keyboard.method')}>
          {(['telex', 'vni'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={method === m}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setMethod(m)}
            >
              {t(`keyboard.${m}`)}
            </button>
          ))}
        </div>
      </div>
    </Keypad>
  );
}
