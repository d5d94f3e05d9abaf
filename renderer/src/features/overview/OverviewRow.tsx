// One account in the overview: name, state with its countdown, day P&L, the room left to the daily loss and to the
// trailing threshold, what is left of today's consistency cap (when the overview shows it), contracts against the
// limit, the worst level, and its flatten (with several accounts).
// Memoised and keyed by account id: a push re-renders the rows whose own figures changed, nothing else. The
// row is focusable (roving tabindex, managed by the table); keys and clicks are handled by the table.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Money } from '../../components/Money';
import { selectAccountById, selectIsLeader, useView } from '../../state';
import { FlattenButton } from '../flatten/FlattenButton';
import { ContractsCell, LevelCell, RoomCell, StateCell } from './OverviewCells';
import { overviewRowData, type OverviewRowData } from './overview-rows';

type OverviewRowProps = {
  accountId: string;
  /** In the tab order (the roving tabindex's current row). */
  current: boolean;
  /** Its detail is open. */
  opened: boolean;
  showFlatten: boolean;
  /** The "Cap left today" column is shown (some account has a plan). */
  showCap: boolean;
};

const missing = (id: string): OverviewRowData => ({
  name: id,
  tradingState: 'active',
  dailyNetPnl: '',
  lossLeft: null,
  lossPct: 0,
  lossLevel: 'ok',
  lossText: '',
  contracts: '0',
  contractsLimit: null,
  contractsLevel: 'ok',
  worst: 'ok',
  worstLabel: null,
  lockedUntil: null,
  lockReason: null,
  enforcement: 'closed',
  flattening: false,
  canTrade: true,
  trailLeft: null,
  trailPct: 0,
  trailLevel: 'ok',
  trailText: '',
  capLeft: null,
  capPct: 0,
  capLevel: 'ok',
  capText: '',
});

export const OverviewRow = memo(function OverviewRow(props: OverviewRowProps) {
  const { accountId, current, opened, showFlatten, showCap } = props;
  const r = useView(
    useShallow((s) => {
      const account = selectAccountById(accountId)(s);
      return account === undefined ? missing(accountId) : overviewRowData(account);
    }),
  );
  const leader = useView(selectIsLeader(accountId));
  return (
    <tr
      className={`overview-row overview-row-${r.tradingState}`}
      data-testid={`overview-row-${accountId}`}
      data-overview-row={accountId}
      data-level={r.worst}
      tabIndex={current ? 0 : -1}
      aria-selected={opened}
    >
      <th scope="row" className="overview-name">
        <div className="overview-name-line">
          <span className="overview-name-text" title={r.name}>
            {r.name}
          </span>
          {leader ? (
            <span className="overview-tag" title="Leads its copier group">
              lead
            </span>
          ) : null}
        </div>
      </th>
      <td>
        <StateCell
          state={r.tradingState}
          lockedUntil={r.lockedUntil}
          lockReason={r.lockReason}
          enforcement={r.enforcement}
          flattening={r.flattening}
          canTrade={r.canTrade}
        />
      </td>
      <td className="right">
        <Money value={r.dailyNetPnl} pnl testId="overview-pnl" className="overview-pnl" />
      </td>
      <td className="right">
        <RoomCell
          left={r.lossLeft}
          pct={r.lossPct}
          level={r.lossLevel}
          text={r.lossText}
          testId="overview-loss"
        />
      </td>
      <td className="right">
        <RoomCell
          left={r.trailLeft}
          pct={r.trailPct}
          level={r.trailLevel}
          text={r.trailText}
          testId="overview-trailing"
        />
      </td>
      {showCap ? (
        <td className="right">
          <RoomCell
            left={r.capLeft}
            pct={r.capPct}
            level={r.capLevel}
            text={r.capText}
            testId="overview-cap"
          />
        </td>
      ) : null}
      <td className="right">
        <ContractsCell open={r.contracts} limit={r.contractsLimit} level={r.contractsLevel} />
      </td>
      <td>
        <LevelCell level={r.worst} label={r.worstLabel} />
      </td>
      {showFlatten ? (
        <td className="overview-actions">
          <FlattenButton target={{ account: accountId }} label="Flatten" size="small" />
        </td>
      ) : null}
    </tr>
  );
});
