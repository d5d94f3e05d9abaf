// Apply (with the core's refusal when it fails) and "lock my settings for today", confirmed in a dialog.
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { RuleChanges } from './use-rule-changes';
import { useSettingsLock, type SettingsLock } from './use-settings-lock';

/** `account` null (a group is edited): Apply only, the settings lock being an account's. */
export function RuleActions({ account, changes }: { account: string | null; changes: RuleChanges }) {
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
