// An account's prop-firm plan in one strip (docs/RULES.md section 11): progress to the profit target, today's
// share against the consistency cap with what is left of it as money, the contracts the scaling tier allows
// today and the next tier, and the trading days against the minimum. Nothing without a plan.
import { Fragment } from 'react';
import { selectAccount, useView } from '../../state';
import { planStripData, type PlanLine, type PlanStripData } from './plan-figures';
import './plan.css';

export function PlanStrip({ accountId }: { accountId: string }) {
  const data = useView((s) => {
    const account = selectAccount(accountId)(s);
    return account?.plan == null ? null : planStripData(account.plan, account.limits);
  });
  if (data === null) return null;
  return (
    <section
      className="plan"
      aria-label={`Plan${data.name === null ? '' : `: ${data.name}`}`}
      data-testid="plan-strip"
    >
      <div className="plan-head">
        <span className="plan-title">Plan</span>
        {data.name !== null ? (
          <span className="plan-name" data-testid="plan-name">
            {data.name}
          </span>
        ) : null}
      </div>
      <div className="plan-items">
        {data.target !== null ? <TargetProgress target={data.target} /> : null}
        {data.consistency !== null ? <ConsistencyToday consistency={data.consistency} /> : null}
        {data.contracts !== null ? (
          <div className="plan-item">
            <span className="plan-label">Contracts</span>
            <span className="plan-value" data-testid="plan-contracts">
              <Parts text={data.contracts} />
            </span>
          </div>
        ) : null}
        <div className={`plan-item plan-tone-${data.days.tone}`}>
          <span className="plan-label">Trading days</span>
          <span className="plan-value" data-testid="plan-days">
            {data.days.text}
          </span>
        </div>
      </div>
    </section>
  );
}

function TargetProgress({ target }: { target: NonNullable<PlanStripData['target']> }) {
  return (
    <div
      className={`plan-item plan-target${target.reached ? ' plan-tone-good' : ''}`}
      data-testid="plan-target"
    >
      <span className="plan-label">Profit target</span>
      <span className="plan-value" data-testid="plan-target-text">
        <Parts text={target.text} />
      </span>
      <div
        className="plan-track"
        role="meter"
        aria-label={`Profit target: ${target.text}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={target.pct}
      >
        <div className="plan-fill" style={{ width: `${target.pct}%` }} />
      </div>
    </div>
  );
}

function ConsistencyToday({ consistency: c }: { consistency: NonNullable<PlanStripData['consistency']> }) {
  return (
    <div className={`plan-item plan-consistency limit-${c.level}`} data-testid="plan-consistency">
      <span className="plan-label">
        Consistency ≤ {c.limitPct}%{c.level !== 'ok' ? <span className="limit-level"> {c.level}</span> : null}
      </span>
      <span className="plan-value" data-testid="plan-consistency-today">
        {c.today}
      </span>
      {c.capped ? (
        <div
          className="plan-track"
          role="meter"
          aria-label={`Today's profit against the cap: ${c.today}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={c.todayPct}
        >
          <div className="plan-fill" style={{ width: `${c.todayPct}%` }} />
        </div>
      ) : null}
      <Line line={c.sentence} testId="plan-consistency-sentence" />
      {c.otherDays !== null ? <Line line={c.otherDays} testId="plan-consistency-other-days" /> : null}
      {c.share !== null ? <span className="plan-note muted">{c.share}</span> : null}
    </div>
  );
}

/** A figure in words, broken only between its parts ("847.00 of 3,000.00 ·" / "2,153.00 to go"). */
function Parts({ text }: { text: string }) {
  const parts = text.split(' · ');
  // The space between parts is outside them: there, and only there, the line may break.
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? ' ' : null}
      <span className="plan-part">{i < parts.length - 1 ? `${part} ·` : part}</span>
    </Fragment>
  ));
}

function Line({ line, testId }: { line: PlanLine; testId: string }) {
  return (
    <span className={`plan-line plan-tone-${line.tone}`} data-testid={testId}>
      {line.text}
    </span>
  );
}
