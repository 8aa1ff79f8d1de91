import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * The one modal dialog: a dimmed backdrop and a panel named by its heading. On opening, the
 * focus moves into the panel (to a child marked autoFocus, else the panel itself); on
 * closing, it returns to where it was, so a keyboard or screen-reader user is not lost.
 * Escape closes it when it can be closed.
 */
export function Dialog({
  title,
  children,
  onClose,
  alert = false,
  describedBy,
  className,
}: {
  title: ReactNode;
  children: ReactNode;
  onClose?: () => void;
  /** An alertdialog: it interrupts (the idle warning, a question that must be answered). */
  alert?: boolean;
  describedBy?: string;
  /** Extra class of the panel (its width, its content's layout). */
  className?: string;
}) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  // Read while rendering, before a child's autoFocus takes the focus at commit.
  const [before] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const el = panel.current;
    if (el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [before]);
  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={`dialog-panel${className ? ` ${className}` : ''}`}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onClose) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
