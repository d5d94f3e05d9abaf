// The rule editor: one account's settings (preset or firm program, plan and every rule, grouped the way a trader
// thinks), validated as typed with each message beside its field, a preview of what the change would do (the core
// judges it, tighten-only while locked), Apply, "Discard changes", "lock my settings for today", and import/export
// of the config file. A group of accounts (docs/RULES.md section 10) is chosen in the same picker and edited
// through the same draft, preview and Apply. The draft outlives the screen (rule-draft-store): tabs keep it.
import { useShallow } from 'zustand/react/shallow';
import { validateConfig } from '../../../../shared/config/schema';
import { useView } from '../../state';
import { AccountAndPreset } from './AccountAndPreset';
import { ChangePreview } from './ChangePreview';
import type { Draft } from './config-draft';
import { ConfigTransfer } from './ConfigTransfer';
import { DraftNotice } from './DraftNotice';
import { otherGroupErrors, withoutGroup } from './group-draft';
import { GroupEditor } from './GroupEditor';
import { isPlanFieldError } from './plan-draft';
import { PlanEditor } from './PlanEditor';
import { RuleActions } from './RuleActions';
import { WhatIfPanel } from '../what-if/WhatIfPanel';
import type { RuleContext } from './rule-context';
import { isShownBeside } from './rule-errors';
import { RuleErrors } from './RuleErrors';
import { RuleGroups } from './RuleGroups';
import { useRuleChanges } from './use-rule-changes';
import { useRuleDraft } from './use-rule-draft';

export { PREVIEW_DELAY_MS } from './use-rule-changes';

const defaults = validateConfig({});
const defaultTimezone = defaults.ok ? defaults.config.session.timezone : 'America/Chicago';

/** The session's time zone as the draft has it: trading hours are local times in it. */
function timezoneOf(draft: Draft): string {
  const session = draft['session'];
  const zone =
    typeof session === 'object' && session !== null
      ? (session as { timezone?: unknown }).timezone
      : undefined;
  return typeof zone === 'string' ? zone : defaultTimezone;
}

export function RuleEditor() {
  const ruleDraft = useRuleDraft();
  const { loadError, draft, setDraft, accounts, groups, account, group, chooseAccount, validation } =
    ruleDraft;
  const changes = useRuleChanges(draft, validation, ruleDraft.reload);
  const instruments = useView(useShallow((s) => s.view?.instruments.map((i) => i.symbol) ?? []));

  if (loadError !== null && draft === null)
    return <p className="note-bad">Could not read the rules: {loadError}</p>;
  if (draft === null || (account === null && group === null) || validation === null)
    return <p className="empty">Loading the rules…</p>;

  const edit = (next: Draft) => {
    setDraft(next);
    changes.clearApplied();
  };
  const update = (change: (current: Draft) => Draft) => {
    ruleDraft.update(change);
    changes.clearApplied();
  };
  const errors = [...new Set([...validation.errors, ...changes.coreErrors])];
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
      <DraftNotice ruleDraft={ruleDraft} />
      {group !== null ? (
        <>
          <GroupEditor
            draft={draft}
            group={group}
            errors={errors}
            onEdit={edit}
            onRemove={() => {
              edit(withoutGroup(draft, group));
              chooseAccount(accounts[0] ?? '');
            }}
          />
          <RuleErrors errors={otherGroupErrors(errors, group)} />
        </>
      ) : null}
      {account !== null ? (
        <AccountRules
          ctx={{ draft, account, errors, instruments, timezone: timezoneOf(draft), update }}
          onEdit={edit}
        />
      ) : null}
      <ChangePreview preview={changes.preview} applied={changes.applied} />
      {account !== null ? <WhatIfPanel account={account} draft={draft} /> : null}
      <RuleActions account={account} changes={changes} ruleDraft={ruleDraft} />
    </section>
  );
}

/** The account's rules by group (its plan with the program's rules), and the errors no field shows. */
function AccountRules({ ctx, onEdit }: { ctx: RuleContext; onEdit: (draft: Draft) => void }) {
  const { draft, account, errors } = ctx;
  const plan = <PlanEditor draft={draft} account={account} errors={errors} onEdit={onEdit} />;
  return (
    <>
      <RuleGroups ctx={ctx} extra={{ program: plan }} />
      <RuleErrors
        errors={errors.filter((e) => !isShownBeside(e, account) && !isPlanFieldError(e, account))}
      />
    </>
  );
}
