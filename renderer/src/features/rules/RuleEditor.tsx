// The rule editor: one account's settings (preset or firm program, plan and own limits), validated as typed with
// the message beside the field, a preview of what the change would do (the core judges it, tighten-only while locked), Apply,
// "lock my settings for today", and import/export of the config file. A group of accounts (docs/RULES.md
// section 10) is chosen in the same picker and edited through the same draft, preview and Apply.
import { AccountAndPreset } from './AccountAndPreset';
import { ChangePreview } from './ChangePreview';
import { otherErrors, type Draft } from './config-draft';
import { ConfigTransfer } from './ConfigTransfer';
import { otherGroupErrors, withoutGroup } from './group-draft';
import { GroupEditor } from './GroupEditor';
import { isPlanFieldError } from './plan-draft';
import { PlanEditor } from './PlanEditor';
import { RuleActions } from './RuleActions';
import { RuleErrors } from './RuleErrors';
import { RuleGrid } from './RuleGrid';
import { useRuleChanges } from './use-rule-changes';
import { useRuleDraft } from './use-rule-draft';

export { PREVIEW_DELAY_MS } from './use-rule-changes';

export function RuleEditor() {
  const { loadError, draft, setDraft, accounts, groups, account, group, chooseAccount, validation } =
    useRuleDraft();
  const changes = useRuleChanges(draft, validation);

  if (loadError !== null) return <p className="note-bad">Could not read the rules: {loadError}</p>;
  if (draft === null || (account === null && group === null) || validation === null)
    return <p className="empty">Loading the rules…</p>;

  const edit = (next: Draft) => {
    setDraft(next);
    changes.clearApplied();
  };
  return (
    <section className="panel rule-editor" aria-labelledby="rules-title" data-testid="rule-editor">
      <div className="panel-head">
        <h2 id="rules-title" className="panel-title">
          Rules
        </h2>
        <ConfigTransfer draft={draft} onImport={edit} />
      </div>
      <AccountAndPreset
        accounts={accounts}
        groups={groups}
        account={account}
        group={group}
        draft={draft}
        onChoose={chooseAccount}
        onEdit={edit}
      />
      {group !== null ? (
        <>
          <GroupEditor
            draft={draft}
            group={group}
            errors={validation.errors}
            onEdit={edit}
            onRemove={() => {
              edit(withoutGroup(draft, group));
              chooseAccount(accounts[0] ?? '');
            }}
          />
          <RuleErrors errors={otherGroupErrors(validation.errors, group)} />
        </>
      ) : null}
      {account !== null ? (
        <>
          <PlanEditor draft={draft} account={account} errors={validation.errors} onEdit={edit} />
          <RuleGrid draft={draft} account={account} validation={validation} onEdit={edit} />
          <RuleErrors
            errors={otherErrors(validation.errors, account).filter((e) => !isPlanFieldError(e, account))}
          />
        </>
      ) : null}
      <ChangePreview preview={changes.preview} applied={changes.applied} />
      <RuleActions account={account} changes={changes} />
    </section>
  );
}
