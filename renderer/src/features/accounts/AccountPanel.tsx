// One account: its name and trading state, its figures, its prop-firm plan, its positions and its working orders.
import { useShallow } from 'zustand/react/shallow';
import { selectAccount, useView } from '../../state';
import { OrdersTable } from '../orders/OrdersTable';
import { PositionsTable } from '../positions/PositionsTable';
import { FlattenButton } from '../flatten/FlattenButton';
import { AccountCounters } from './AccountCounters';
import { DayStartConfirm } from './DayStartConfirm';
import { EquityCharts } from '../charts/EquityCharts';
import { LimitBars } from '../dashboard/LimitBars';
import { FirmLimits } from '../firm-limits/FirmLimits';
import { RiskGauges } from '../dashboard/RiskGauges';
import { PlanStrip } from '../plan/PlanStrip';
import { MetricsGrid } from './MetricsGrid';
import { TradingStateBadge } from './TradingStateBadge';

export function AccountPanel({ accountId, showFlatten }: { accountId: string; showFlatten: boolean }) {
  const head = useView(
    useShallow((s) => {
      const account = selectAccount(accountId)(s);
      return {
        name: account?.name ?? accountId,
        canTrade: account?.canTrade ?? true,
        tradingState: account?.tradingState ?? 'active',
        lockReason: account?.lockReason ?? null,
        lockedUntil: account?.lockedUntil ?? null,
        flattening: account?.flattening ?? false,
        enforcement: account?.enforcement ?? 'closed',
        clockOffsetMs: s.clockOffsetMs,
      };
    }),
  );
  return (
    <section
      className={`account account-${head.tradingState}`}
      data-account={accountId}
      data-testid={`account-${accountId}`}
    >
      <header className="account-head">
        <h2 className="account-name">{head.name}</h2>
        <TradingStateBadge
          state={head.tradingState}
          lockReason={head.lockReason}
          lockedUntil={head.lockedUntil}
          clockOffsetMs={head.clockOffsetMs}
        />
        <AccountCounters accountId={accountId} />
        {!head.canTrade ? <span className="note-bad">Broker: trading disabled</span> : null}
        {head.flattening ? (
          <span className="note-warn" role="status">
            Flattening…
          </span>
        ) : null}
        {head.enforcement === 'open' ? (
          <span className="note-bad" role="alert" data-testid="enforcement-paused">
            Enforcement paused: broker failing, act manually
          </span>
        ) : null}
        {showFlatten ? (
          <FlattenButton target={{ account: accountId }} label={`Flatten ${head.name}`} size="small" />
        ) : null}
      </header>
      <DayStartConfirm accountId={accountId} />
      <MetricsGrid accountId={accountId} />
      <PlanStrip accountId={accountId} />
      <div className="risk-row">
        <LimitBars accountId={accountId} />
        <RiskGauges accountId={accountId} />
      </div>
      <FirmLimits accountId={accountId} />
      <EquityCharts accountId={accountId} />
      <PositionsTable accountId={accountId} />
      <OrdersTable accountId={accountId} />
    </section>
  );
}
