// A group's header row in the overview: its name, members and state, and its figures as the core sums them
// (day P&L, the room left to the group's daily loss, open contracts against the group's limit, the worst level
// of the group's own limits), and the group's flatten (`flatten {group}`: every member, with the confirmation).
// The figures are shown as given, never re-added here.
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Money } from '../../components/Money';
import { selectAccountById, selectGroup, useView } from '../../state';
import { FlattenButton } from '../flatten/FlattenButton';
import type { ViewState } from '../../state';
import { ContractsCell, LevelCell, RoomCell, StateCell } from './OverviewCells';
import { groupRowData, type GroupRowData } from './overview-rows';

type GroupHeaderRowProps = { groupId: string; showFlatten: boolean; showCap: boolean };

const missing = (id: string): GroupRowData => ({
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
  members: 0,
  leader: null,
});

function selectGroupRow(groupId: string) {
  return (s: ViewState): GroupRowData => {
    const group = selectGroup(groupId)(s);
    if (group === undefined) return missing(groupId);
    return groupRowData(group, (id) => selectAccountById(id)(s)?.name ?? id);
  };
}

export const GroupHeaderRow = memo(function GroupHeaderRow(props: GroupHeaderRowProps) {
  const { groupId, showFlatten, showCap } = props;
  const g = useView(useShallow(selectGroupRow(groupId)));
  const members = `${g.members} account${g.members === 1 ? '' : 's'}`;
  return (
    <tr
      className={`overview-group overview-group-${g.tradingState}`}
      data-testid={`overview-group-${groupId}`}
      data-level={g.worst}
    >
      <th scope="rowgroup" className="overview-name" colSpan={2}>
        <div
          className="overview-group-head"
          title={g.leader === null ? g.name : `${g.name}: leader ${g.leader} (marked "lead" in its row)`}
        >
          <span className="overview-name-text">{g.name}</span>
          <span className="overview-members" data-testid="overview-members">
            {members}
          </span>
          <StateCell state={g.tradingState} />
        </div>
      </th>
      <td className="right">
        <Money value={g.dailyNetPnl} pnl testId="overview-pnl" className="overview-pnl" />
      </td>
      <td className="right">
        <RoomCell
          left={g.lossLeft}
          pct={g.lossPct}
          level={g.lossLevel}
          text={g.lossText}
          testId="overview-loss"
        />
      </td>
      <td className="right">
        <span className="muted" data-testid="overview-trailing">
          —
        </span>
      </td>
      {showCap ? (
        // A consistency cap is an account's (its plan's), never a group's.
        <td className="right">
          <span className="muted" data-testid="overview-cap">
            —
          </span>
        </td>
      ) : null}
      <td className="right">
        <ContractsCell open={g.contracts} limit={g.contractsLimit} level={g.contractsLevel} />
      </td>
      <td>
        <LevelCell level={g.worst} label={g.worstLabel} group />
      </td>
      {showFlatten ? (
        <td className="overview-actions">
          <FlattenButton target={{ group: groupId }} label="Flatten group" size="small" />
        </td>
      ) : null}
    </tr>
  );
});

/** The header of the accounts in no group, when there are groups. */
export function UngroupedHeaderRow({ columns }: { columns: number }) {
  return (
    <tr className="overview-group overview-group-none" data-testid="overview-ungrouped">
      <th scope="rowgroup" className="overview-name" colSpan={columns}>
        Not in a group
      </th>
    </tr>
  );
}
