import { useTranslation } from 'react-i18next';
import { pressKey, type TextFieldRef } from '../keyboard/caret.ts';
import type { KeyPress } from '../keyboard/editing.ts';
import { Keypad, type KeyDef } from './Keypad.tsx';

/**
 * Keys for a dossier code (`H01.00565.K01-261124-0003`): digits, the capital letters an
 * agency code may hold, "." and "-". The Vietnamese keyboard would compose Telex on the
 * letters and has no "-", so codes get their own pad. Keys type at the caret of `target`.
 */
const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM.-'] as const;

export function CodeKeypad({
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
  const rows: KeyDef[][] = ROWS.map((row) =>
    [...row].map((c) => ({ id: c, label: c, onPress: () => press({ kind: 'char', char: c }) })),
  );
  rows.push([
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
      id: 'back',
      label: `⌫ ${t('keypad.backspace')}`,
      onPress: () => press({ kind: 'backspace' }),
      variant: 'wide',
    },
    { id: 'clear', label: t('keypad.clear'), onPress: () => press({ kind: 'clear' }), variant: 'wide' },
  ]);
  return <Keypad label={t('keypad.code')} rows={rows} className="vn-keyboard code-keypad" />;
}
