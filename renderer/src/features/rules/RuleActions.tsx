// The Rules screen's Apply bar (Apply, Discard changes: the only way unapplied edits go) with "lock my settings for
// today", confirmed in a dialog.
import { ApplyBar } from '../../components/ApplyBar';
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
      <ApplyBar
        prefix="rules"
        canApply={changes.canApply}
        pending={applying.pending}
        error={applying.error}
        dirty={ruleDraft.dirty}
        onApply={changes.apply}
        onDiscard={() => {
          ruleDraft.discard();
          changes.clearApplied();
        }}
      >
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
      </ApplyBar>
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
