// What Apply would change, in the trader's words with which way each change goes (tighter, looser), and what the
// core would refuse now (a locked account may only tighten); after Apply, what it did change.
import type { ConfigChangeView } from '../../../../shared/ipc';
import type { Preview } from './use-rule-changes';

export function ChangePreview({ preview, applied }: { preview: Preview | null; applied: string[] | null }) {
  if (applied !== null)
    return (
      <div className="rule-preview" role="status" data-testid="rules-applied">
        {applied.length === 0 ? 'Nothing changed.' : `Applied: ${applied.join('; ')}`}
      </div>
    );
  if (preview === null) return null;
  const diff = preview.diff ?? [];
  return (
    <div className="rule-preview" aria-live="polite" data-testid="rules-preview">
      {preview.problems.map((problem) => (
        <p key={problem} className="note-bad" data-testid="rules-problem">
          {problem}
        </p>
      ))}
      {preview.changes.length === 0 && preview.problems.length === 0 ? (
        <p className="empty">No changes.</p>
      ) : null}
      {diff.length > 0 ? (
        <ul className="rule-diff">
          {diff.map((change) => (
            <DiffLine key={change.path} change={change} />
          ))}
        </ul>
      ) : preview.changes.length > 0 ? (
        <ul>
          {preview.changes.map((change) => (
            <li key={change} data-testid="rules-change">
              {change}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** "SIM-50K · Daily loss 300.00 → 280.00" with its direction, and the refusal under it when there is one. */
function DiffLine({ change }: { change: ConfigChangeView }) {
  const whose = change.account ?? (change.group === null ? null : `group ${change.group}`);
  return (
    <li data-testid="rules-change" className={change.refused === null ? undefined : 'rule-diff-refused'}>
      <span data-testid="rules-change-words">
        {whose === null ? change.words : `${whose} · ${change.words}`}
      </span>
      {change.direction === 'neutral' ? null : (
        <span
          className={`rule-diff-direction rule-diff-${change.direction}`}
          data-testid="rules-change-direction"
        >
          {change.direction}
        </span>
      )}
      {change.refused === null ? null : (
        <span className="rule-diff-reason" data-testid="rules-change-refused">
          Would be refused: {change.refused}
        </span>
      )}
    </li>
  );
}
