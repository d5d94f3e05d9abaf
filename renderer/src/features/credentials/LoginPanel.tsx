// The frame every broker login shares: why it is shown (heading, the broker's refusal), the fields the broker
// needs, "Save and connect" (and "Cancel" when the trader opened it), what went wrong, and a note on keeping it.
import { useId, type ReactNode } from 'react';

/** What a broker's login form is given by BrokerLogin. */
export type LoginFormProps = {
  /** Why the form is shown: no login yet, a refused one, or the trader asked to change it. */
  heading: string;
  /** The broker's reason for refusing the stored login; null when it did not. */
  reason: string | null;
  onSaved?: () => void;
  onCancel?: () => void;
};

type LoginPanelProps = {
  heading: string;
  /** The broker's reason for refusing the stored login; null when it did not. */
  reason: string | null;
  /** A refusal no field shows; null when there is none. */
  error: string | null;
  note: string;
  complete: boolean;
  pending: boolean;
  onSubmit: () => void;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
};

export function LoginPanel({ heading, reason, error, note, complete, pending, ...props }: LoginPanelProps) {
  const uid = useId();
  return (
    <section className="panel credentials" data-testid="credentials-form" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="panel-title">
        {heading}
      </h2>
      {reason !== null ? (
        <p className="inline-error" data-testid="credentials-reason">
          {reason}
        </p>
      ) : null}
      <form
        className="ticket-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (complete && !pending) props.onSubmit();
        }}
      >
        {props.children}
        <div className="ticket-actions">
          <button
            type="submit"
            className="btn"
            data-testid="credentials-submit"
            disabled={!complete || pending}
          >
            {pending ? 'Connecting…' : 'Save and connect'}
          </button>
          {props.onCancel !== undefined ? (
            <button type="button" className="btn" data-testid="credentials-cancel" onClick={props.onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="credentials-error">
          {error}
        </p>
      ) : null}
      <p className="credentials-note">{note}</p>
    </section>
  );
}
