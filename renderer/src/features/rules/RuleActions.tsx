// Apply (with the core's refusal when it fails), "Discard changes" (the draft back to what is in force: the only way
// unapplied edits go) and "lock my settings for today", confirmed in a dialog.
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { RuleChanges } from './use-rule-changes';
import type { RuleDraft } from './use-rule-draft';
import { useSettingsLock, type SettingsLock } from './use-settings-lock';

type RuleActionsProps = {
  /** null when a group is edited: no settings lock, that being an account's. */
  account: string | null;
  changes: RuleChanges;
  ruleDraft: Pick<RuleDraft, 'dirty' | 'discard'>;
};

export function RuleActions({ account, changes, ruleDraft }: RuleActionsProps) {
  const lock = useSettingsLock(account ?? '');
  const { applying } = changes;
  const { locking } = lock;
  return (
    <>
      {applying.error !== null ? (
        <p className="note-bad" role="alert" data-testid="apply-error">
          {applying.error}
        </p>
      ) : null}
      <div className="rule-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="rules-apply"
          disabled={!changes.canApply || applying.pending}
          onClick={changes.apply}
        >
          Apply changes
        </button>
        <button
          type="button"
          className="btn"
          data-testid="rules-discard"
          disabled={!ruleDraft.dirty}
          onClick={() => {
            ruleDraft.discard();
            changes.clearApplied();
          }}
        >
          Discard changes
        </button>
        {ruleDraft.dirty ? (
          <span className="note-warn" data-testid="rules-unapplied">
            Unapplied changes
          </span>
        ) : null}
        {account !== null ? (
          <button
            type="button"
            className="btn"
            data-testid="rules-lock"
            disabled={locking.pending || lock.lockedUntil !== null}
            onClick={lock.ask}
          >
            {lock.lockedUntil === null
              ? 'Lock my settings for today'
              : `Settings locked until ${lock.lockedUntil}`}
          </button>
        ) : null}
        {locking.error !== null ? <span className="note-bad">{locking.error}</span> : null}
      </div>
      {lock.confirming && account !== null ? <LockConfirm account={account} lock={lock} /> : null}
    </>
  );
}

function LockConfirm({ account, lock }: { account: string; lock: SettingsLock }) {
  return (
    <ConfirmDialog
      title={`Lock ${account}'s settings for today?`}
      confirmLabel="Lock settings"
      confirmTestId="rules-lock-confirm"
      onCancel={lock.cancel}
      onConfirm={lock.confirm}
    >
      Until the trading day ends, changes to {account}&apos;s rules may only make them stricter.
    </ConfirmDialog>
  );
}
