import { useTranslation } from 'react-i18next';
import { pressKey, type TextFieldRef } from '../keyboard/caret.ts';
import type { KeyPress } from '../keyboard/editing.ts';
import { Keypad, type KeyDef } from './Keypad.tsx';

/**
 * Large digit keys for numbers, ID numbers, phones, dates and times, typing at the caret of
 * `target` (the field decides the format: a date gains its slashes).
 */
export function NumericKeypad({
  value,
  onChange,
  target,
}: {
  value: string;
  onChange: (next: string) => void;
  target?: TextFieldRef;
}) {
  const { t } = useTranslation('ui');
  const press = (p: KeyPress) => pressKey(target, value, onChange, p, 'off');
  const digit = (d: string): KeyDef => ({ id: d, label: d, onPress: () => press({ kind: 'char', char: d }) });
  const rows: KeyDef[][] = [
    ['1', '2', '3'].map(digit),
    ['4', '5', '6'].map(digit),
    ['7', '8', '9'].map(digit),
    [
      { id: 'clear', label: t('keypad.clear'), onPress: () => press({ kind: 'clear' }), variant: 'action' },
      digit('0'),
      { id: 'back', label: '⌫', name: t('keypad.backspace'), onPress: () => press({ kind: 'backspace' }) },
    ],
  ];
  return <Keypad label={t('keypad.numbers')} rows={rows} className="numeric-keypad" />;
}
