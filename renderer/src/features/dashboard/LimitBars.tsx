// One bar per active limit: how much is used, the room left, coloured only when its level is not ok. The
// consistency cap is left to the plan strip above, which says it in money and words.
import { useShallow } from 'zustand/react/shallow';
import type { LimitView } from '../../../../shared/ipc';
import { selectAccount, useView } from '../../state';
import { limitText, usedPct } from './limit-bar';

const none: LimitView[] = [];

export function LimitBars({ accountId }: { accountId: string }) {
  const limits = useView(
    useShallow((s) => {
      const account = selectAccount(accountId)(s);
      if (account === undefined) return none;
      return account.plan?.consistencyLimitPct == null
        ? account.limits
        : account.limits.filter((limit) => limit.rule !== 'consistency');
    }),
  );
  if (limits.length === 0) return null;
  return (
    <ul className="limits" aria-label="Distance to limits">
      {limits.map((limit) => (
        <LimitBar key={limit.rule} limit={limit} />
      ))}
    </ul>
  );
}

function LimitBar({ limit }: { limit: LimitView }) {
  const pct = usedPct(limit.used, limit.limit);
  const text = limitText(limit);
  return (
    <li className={`limit limit-${limit.level}`} data-testid={`limit-${limit.rule}`}>
      <div className="limit-head">
        <span className="limit-label">{limit.label}</span>
        {limit.level !== 'ok' ? <span className="limit-level">{limit.level}</span> : null}
        <span className="num limit-text" data-testid={`limit-${limit.rule}-text`}>
          {text}
        </span>
      </div>
      <div
        className="limit-track"
        role="meter"
        aria-label={`${limit.label}: ${text}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="limit-fill" style={{ width: `${pct}%` }} />
        <span className="limit-mark limit-mark-warn" aria-hidden="true" />
        <span className="limit-mark limit-mark-critical" aria-hidden="true" />
      </div>
    </li>
  );
}
