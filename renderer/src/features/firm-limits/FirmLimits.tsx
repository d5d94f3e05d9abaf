// The firm's own limits (Tradovate's auto-liquidation) under Warden's bars: read-only, each with Warden's figure
// for the same measure and which acts first, so a trader sees at once when Warden's limit is the looser one.
import { useShallow } from 'zustand/react/shallow';
import { selectAccount, useView } from '../../state';
import { firmLimitLines } from './firm-limits';
import './firm-limits.css';

export function FirmLimits({ accountId }: { accountId: string }) {
  const { firm, warden } = useView(
    useShallow((s) => {
      const account = selectAccount(accountId)(s);
      return { firm: account?.firmLimits ?? null, warden: account?.limits ?? [] };
    }),
  );
  if (firm === null) return null;
  const lines = firmLimitLines(firm, warden);
  return (
    <section className="firm-limits" data-testid="firm-limits" aria-label="The firm's own limits">
      <header className="firm-limits-head">
        <span className="firm-limits-title">Firm&apos;s own limits</span>
        <span className="firm-limits-source">
          {firm.source}
          {firm.changesLocked ? ' · set by the firm, locked' : ''}
        </span>
      </header>
      {lines.length === 0 ? (
        <p className="firm-limits-none">None set for this account.</p>
      ) : (
        <ul className="firm-limits-lines">
          {lines.map((line) => (
            <li
              key={line.id}
              data-testid={`firm-limit-${line.id}`}
              className={
                line.note?.startsWith("Warden's is looser") === true
                  ? 'firm-limit firm-limit-looser'
                  : 'firm-limit'
              }
            >
              <span className="firm-limit-label">{line.label}</span>
              <span className="num firm-limit-figure">{line.firm}</span>
              {line.warden !== null ? (
                <span className="num firm-limit-warden">Warden {line.warden}</span>
              ) : null}
              {line.note !== null ? <span className="firm-limit-note">{line.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
