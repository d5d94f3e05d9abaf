// What Apply would change (or why the core refuses it), and after Apply what it did change.
import type { Preview } from './use-rule-changes';

export function ChangePreview({ preview, applied }: { preview: Preview | null; applied: string[] | null }) {
  if (applied !== null)
    return (
      <div className="rule-preview" role="status" data-testid="rules-applied">
        {applied.length === 0 ? 'Nothing changed.' : `Applied: ${applied.join('; ')}`}
      </div>
    );
  if (preview === null) return null;
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
      {preview.changes.length > 0 ? (
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
