// Flatten (all accounts, a group's members, or one account): one deliberate action — the button opens a
// confirmation whose focused button flattens on Enter; Escape cancels. Shows "Flattening…" while it runs and the
// verified result afterwards.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCommand } from '../../lib/use-command';
import type { AccountView } from '../../../../shared/ipc';
import { useView } from '../../state';
import type { ViewState } from '../../state';
import { flattenOutcome } from './flatten-outcome';
import type { FlattenOutcome } from './flatten-outcome';
import { FlattenResult } from './FlattenResult';

export const FLAT_RESULT_SHOWN_MS = 15_000;

export type FlattenTarget = { all: true } | { account: string } | { group: string };

type FlattenButtonProps = { target: FlattenTarget; label: string; size: 'large' | 'small' };

function inTarget(target: FlattenTarget, account: AccountView): boolean {
  if ('all' in target) return true;
  return 'account' in target ? account.id === target.account : account.group.includes(target.group);
}

function scope(target: FlattenTarget) {
  return (s: ViewState) => {
    const accounts = (s.view?.accounts ?? []).filter((a) => inTarget(target, a));
    const group =
      'group' in target ? (s.view?.groups.find((g) => g.id === target.group)?.name ?? target.group) : null;
    return {
      group,
      flattening: accounts.some((a) => a.flattening),
      positions: accounts.reduce((n, a) => n + a.positions.length, 0),
      orders: accounts.reduce((n, a) => n + a.orders.filter((o) => o.status === 'working').length, 0),
      names: accounts.map((a) => a.name).join(', '),
    };
  };
}

/** Looks an account's name up in a flat [id, name, id, name, …] list (a shape useShallow can compare). */
function nameIn(idsAndNames: readonly string[], id: string): string {
  for (let i = 0; i < idsAndNames.length; i += 2) if (idsAndNames[i] === id) return idsAndNames[i + 1] ?? id;
  return id;
}

export function FlattenButton({ target, label, size }: FlattenButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<FlattenOutcome | null>(null);
  const [flatten, { pending }] = useCommand('flatten');
  const inScope = useView(useShallow(scope(target)));
  const idsAndNames = useView(useShallow((s) => s.view?.accounts.flatMap((a) => [a.id, a.name]) ?? []));
  const accountName = (id: string): string => nameIn(idsAndNames, id);
  const busy = pending || inScope.flattening;
  const testId =
    'all' in target
      ? 'flatten-all'
      : 'account' in target
        ? `flatten-account-${target.account}`
        : `flatten-group-${target.group}`;

  useEffect(() => {
    if (outcome?.flat !== true) return;
    // A confirmed flat fades after a while; a failure stays until the trader dismisses it.
    const timer = setTimeout(() => {
      setOutcome(null);
    }, FLAT_RESULT_SHOWN_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [outcome]);

  const confirm = async () => {
    setConfirming(false);
    setOutcome(null);
    setOutcome(flattenOutcome(await flatten(target), accountName));
  };

  return (
    <div className={`flatten flatten-${size}`}>
      <button
        type="button"
        className={`btn btn-flatten btn-flatten-${size}`}
        data-testid={testId}
        aria-busy={busy}
        aria-haspopup="dialog"
        onClick={() => {
          setConfirming(true);
        }}
      >
        <span className="btn-flatten-label">{busy ? 'Flattening…' : label}</span>
        {size === 'large' ? (
          <span className="btn-flatten-sub">Cancel every order · close every position</span>
        ) : null}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={
            'all' in target
              ? 'Flatten all accounts?'
              : inScope.group !== null
                ? `Flatten the group ${inScope.group}?`
                : `Flatten ${inScope.names}?`
          }
          confirmLabel="Flatten now"
          confirmTestId="flatten-confirm"
          tone="danger"
          onConfirm={() => void confirm()}
          onCancel={() => {
            setConfirming(false);
          }}
        >
          <p>
            Cancels {inScope.orders} working order{inScope.orders === 1 ? '' : 's'} and closes{' '}
            {inScope.positions} position{inScope.positions === 1 ? '' : 's'} at market on{' '}
            {inScope.names || 'no account'}.
          </p>
          <p className="muted">Warden keeps checking until the broker confirms every account is flat.</p>
        </ConfirmDialog>
      ) : null}
      {outcome !== null ? (
        <FlattenResult
          outcome={outcome}
          onDismiss={() => {
            setOutcome(null);
          }}
        />
      ) : null}
    </div>
  );
}
