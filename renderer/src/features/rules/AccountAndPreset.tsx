// The editor's head: which account's rules are edited, and the preset that account builds on.
import { choicesNamed, SelectField } from '../../components/SelectField';
import { withPreset, type Draft } from './config-draft';

type AccountAndPresetProps = {
  accounts: readonly string[];
  account: string;
  draft: Draft;
  onChoose: (account: string) => void;
  onEdit: (draft: Draft) => void;
};

export function AccountAndPreset({ accounts, account, draft, onChoose, onEdit }: AccountAndPresetProps) {
  const presets = [{ value: '', label: 'none' }, ...choicesNamed(Object.keys(draft.presets ?? {}))];
  return (
    <div className="rule-editor-head">
      <SelectField
        id="rules-account"
        label="Account"
        testId="rules-account"
        value={account}
        choices={choicesNamed(accounts)}
        onChange={onChoose}
      />
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
    </div>
  );
}
