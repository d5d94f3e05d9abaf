// The editor's head: which account's rules (or which group) are edited, the preset that account builds on (one of
// the config's or a firm program), and "New group".
import { choicesNamed, SelectField } from '../../components/SelectField';
import { withPreset, type Draft } from './config-draft';
import { groupChoice, groupsOf, newGroupId, withNewGroup } from './group-draft';
import { firmPrograms, programLabel } from './plan-draft';

type AccountAndPresetProps = {
  accounts: readonly string[];
  groups: readonly string[];
  /** The account chosen, or null when a group is. */
  account: string | null;
  group: string | null;
  draft: Draft;
  onChoose: (choice: string) => void;
  onEdit: (draft: Draft) => void;
};

export function AccountAndPreset(props: AccountAndPresetProps) {
  const { accounts, groups, account, group, draft, onChoose, onEdit } = props;
  const presets = [
    { value: '', label: 'none' },
    ...choicesNamed(Object.keys(draft.presets ?? {})),
    ...firmPrograms(draft).map((preset) => ({ value: preset.id, label: programLabel(preset) })),
  ];
  const named = groupsOf(draft);
  const choices = [
    ...choicesNamed(accounts),
    ...groups.map((id) => ({ value: groupChoice(id), label: `Group: ${named[id]?.name ?? id}` })),
  ];
  return (
    <div className="rule-editor-head">
      <SelectField
        id="rules-account"
        label="Account or group"
        testId="rules-account"
        value={group === null ? (account ?? '') : groupChoice(group)}
        choices={choices}
        onChange={onChoose}
      />
      {account !== null ? (
        <SelectField
          id="rules-preset"
          label="Preset"
          testId="rules-preset"
          value={draft.accounts?.[account]?.preset ?? ''}
          choices={presets}
          onChange={(preset) => {
            onEdit(withPreset(draft, account, preset));
          }}
        />
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        data-testid="group-new"
        onClick={() => {
          const id = newGroupId(draft);
          onEdit(withNewGroup(draft, id));
          onChoose(groupChoice(id));
        }}
      >
        New group
      </button>
    </div>
  );
}
