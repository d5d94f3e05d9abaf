// The history screen's account filter: all accounts, one account, or a group of accounts (docs/RULES.md
// section 10), whose members come from the state's groups; and the getHistory arguments for the choice.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CommandArgs } from '../../../../shared/ipc';
import { selectAccountIds, useView } from '../../state';

export const ALL = '';
const GROUP_PREFIX = 'group:';

export type HistoryGroup = { id: string; name: string; accounts: string[] };

/** The picker's value for a group. */
export const groupChoice = (id: string): string => `${GROUP_PREFIX}${id}`;

/** The state's groups (id, name, members), stable while none of these changes. */
export function useHistoryGroups(): HistoryGroup[] {
  const key = useView((s) =>
    JSON.stringify(s.view?.groups.map(({ id, name, accounts }) => ({ id, name, accounts })) ?? []),
  );
  return useMemo(() => JSON.parse(key) as HistoryGroup[], [key]);
}

/** The group a choice names (null for all accounts, one account, or a group no longer in the state). */
export function chosenGroup(choice: string, groups: readonly HistoryGroup[]): HistoryGroup | null {
  if (!choice.startsWith(GROUP_PREFIX)) return null;
  const id = choice.slice(GROUP_PREFIX.length);
  return groups.find((group) => group.id === id) ?? null;
}

/** What getHistory is asked for the choice: all accounts, one, or a group with its members. */
export function historyArgs(
  choice: string,
  days: number,
  groups: readonly HistoryGroup[],
): CommandArgs<'getHistory'> {
  const group = chosenGroup(choice, groups);
  if (group !== null) return { group: { id: group.id, accounts: group.accounts }, days };
  if (choice === ALL || choice.startsWith(GROUP_PREFIX)) return { days };
  return { account: choice, days };
}

/** The scope an export file is named after: the account, `group-<id>`, or null for all accounts. */
export function exportScope(choice: string, groups: readonly HistoryGroup[]): string | null {
  const group = chosenGroup(choice, groups);
  if (group !== null) return `group-${group.id}`;
  return choice === ALL || choice.startsWith(GROUP_PREFIX) ? null : choice;
}

type AccountFilterProps = {
  value: string;
  groups: readonly HistoryGroup[];
  onChange: (choice: string) => void;
};

export function AccountFilter({ value, groups, onChange }: AccountFilterProps) {
  const accountIds = useView(useShallow(selectAccountIds));
  return (
    <label className="history-field">
      <span>Account</span>
      <select
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
        data-testid="history-account"
      >
        <option value={ALL}>All accounts</option>
        {accountIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
        {groups.map((group) => (
          <option key={group.id} value={groupChoice(group.id)}>
            {`Group: ${group.name}`}
          </option>
        ))}
      </select>
    </label>
  );
}
