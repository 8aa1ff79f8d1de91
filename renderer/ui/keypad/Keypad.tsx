import type { ReactNode } from 'react';

export interface KeyDef {
  /** Unique within the keypad. */
  id: string;
  /** What the key shows. */
  label: ReactNode;
  /** The accessible name, when the label alone would not say what the key does (⌫, á). */
  name?: string;
  onPress(): void;
  /** Extra class: 'wide', 'space', 'tone', 'mark', 'action'. */
  variant?: string;
  pressed?: boolean;
  disabled?: boolean;
}

/**
 * The one keypad every on-screen keyboard is built from (Vietnamese keyboard, number keypad,
 * dossier-code keypad, PIN pad): rows of real buttons, 64 px and up, in a named group.
 * Pressing a key does not take the focus from the field it types into (the pointer's
 * default focus move is cancelled), so the caret stays where the person put it.
 */
export function Keypad({
  label,
  rows,
  className,
  children,
}: {
  label: string;
  rows: readonly (readonly KeyDef[])[];
  className?: string;
  /** Shown above the keys (a hint). */
  children?: ReactNode;
}) {
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div role="group" aria-label={label} className={`keypad${className ? ` ${className}` : ''}`}>
      {children}
      {rows.map((row, i) => (
        <div className="keypad-row" key={i}>
          {row.map((k) => (
            <button
              key={k.id}
              type="button"
              className={`keypad-key${k.variant ? ` key-${k.variant}` : ''}`}
              aria-label={k.name}
              aria-pressed={k.pressed}
              disabled={k.disabled}
              onMouseDown={keepFocus}
              onClick={k.onPress}
            >
              {k.label}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
