// A settings screen's Apply bar: the core's refusal above it, "Apply changes" (off while nothing valid is to apply
// or while it is sent), "Discard changes" (the draft back to what is in force) and "Unapplied changes" while the
// draft differs; the screen adds its own buttons and notes after them. Test ids are `<prefix>-apply` and so on.
import type { ReactNode } from 'react';

export type ApplyBarProps = {
  prefix: string;
  canApply: boolean;
  pending: boolean;
  /** The core's refusal of the last Apply, if any. */
  error: string | null;
  dirty: boolean;
  onApply: () => void;
  onDiscard: () => void;
  children?: ReactNode;
};

export function ApplyBar({
  prefix,
  canApply,
  pending,
  error,
  dirty,
  onApply,
  onDiscard,
  children,
}: ApplyBarProps) {
  return (
    <>
      {error !== null ? (
        <p className="note-bad" role="alert" data-testid={`${prefix}-apply-error`}>
          {error}
        </p>
      ) : null}
      <div className="rule-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid={`${prefix}-apply`}
          disabled={!canApply || pending}
          onClick={onApply}
        >
          Apply changes
        </button>
        <button
          type="button"
          className="btn"
          data-testid={`${prefix}-discard`}
          disabled={!dirty}
          onClick={onDiscard}
        >
          Discard changes
        </button>
        {dirty ? (
          <span className="note-warn" data-testid={`${prefix}-unapplied`}>
            Unapplied changes
          </span>
        ) : null}
        {children}
      </div>
    </>
  );
}
