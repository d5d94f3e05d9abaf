// The outcome of the last flatten, kept on screen until dismissed: green when flat, red and loud when not.
import type { FlattenOutcome } from './flatten-outcome';

export function FlattenResult({ outcome, onDismiss }: { outcome: FlattenOutcome; onDismiss: () => void }) {
  return (
    <div
      className={outcome.flat ? 'flatten-result flatten-result-ok' : 'flatten-result flatten-result-bad'}
      role={outcome.flat ? 'status' : 'alert'}
      data-testid="flatten-result"
      data-flat={outcome.flat}
    >
      <div className="flatten-result-head">
        <strong>{outcome.headline}</strong>
        <button
          type="button"
          className="btn btn-icon"
          onClick={onDismiss}
          aria-label="Dismiss flatten result"
        >
          ×
        </button>
      </div>
      {outcome.lines.length > 0 ? (
        <ul>
          {outcome.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
