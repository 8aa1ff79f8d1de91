import type { ReactNode } from 'react';
import { PinPad } from './keypad/PinPad.tsx';

export interface PinEntry {
  label: string;
  value: string;
  onChange(value: string): void;
  maxLength?: number;
}

/**
 * The one PIN form (officer PIN, its first setting and reset, volunteer sign-in, a new
 * volunteer): a heading, what to do, one PIN pad per entry, the problem under them, then the
 * main action and an optional second one. Enter in a PIN field submits the form.
 */
export function PinForm({
  heading,
  intro,
  children,
  entries,
  error,
  errorId,
  busy,
  submitLabel,
  submitDisabled = false,
  secondary,
  onSubmit,
  label,
  headingLevel = 2,
}: {
  heading?: ReactNode;
  /** 3 inside a settings section that has its own h2. */
  headingLevel?: 2 | 3;
  intro?: ReactNode;
  /** Shown after the intro, before the PIN pads (a warning, a name field). */
  children?: ReactNode;
  entries: readonly PinEntry[];
  error: string | null;
  /** Id of the error paragraph, so the PIN field is described by it. */
  errorId?: string;
  busy: boolean;
  submitLabel: string;
  submitDisabled?: boolean;
  secondary?: { label: string; onClick(): void };
  onSubmit(): void;
  /** The form's accessible name, when it has no heading of its own. */
  label?: string;
}) {
  return (
    <form
      className="pin-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {heading && (headingLevel === 3 ? <h3>{heading}</h3> : <h2>{heading}</h2>)}
      {intro && <p>{intro}</p>}
      {children}
      {entries.map((entry) => (
        <PinPad
          key={entry.label}
          label={entry.label}
          value={entry.value}
          onChange={entry.onChange}
          maxLength={entry.maxLength}
          describedBy={error && errorId ? errorId : undefined}
          disabled={busy}
        />
      ))}
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary big" disabled={busy || submitDisabled}>
          {submitLabel}
        </button>
        {secondary && (
          <button type="button" className="big" onClick={secondary.onClick} disabled={busy}>
            {secondary.label}
          </button>
        )}
      </div>
    </form>
  );
}
