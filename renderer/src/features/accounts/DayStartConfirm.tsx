// A day that began while Warden was not running and could not be rebuilt from the broker's trades: the account
// stays reducing until the trader confirms today's starting equity (Warden's estimate, or the broker's figure).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { decimalOf } from '../../../../shared/config/values';
import { dec } from '../../../../shared/domain/money';
import { useCommand } from '../../lib/use-command';
import { selectAccount, useView } from '../../state';

export function DayStartConfirm({ accountId }: { accountId: string }) {
  const waiting = useView(
    useShallow((s) => {
      const account = selectAccount(accountId)(s);
      if (account?.lockedUntil !== 'confirmed') return null;
      // The start in force is Warden's estimate: equity − day net.
      return { estimate: dec(account.metrics.equity).minus(dec(account.metrics.dailyNetPnl)).toFixed(2) };
    }),
  );
  const [confirm, { pending, error }] = useCommand('confirmDayStart');
  const [entered, setEntered] = useState<string | null>(null);
  if (waiting === null) return null;
  const value = entered ?? waiting.estimate;
  const valid = decimalOf(value.trim()) !== null;
  return (
    <form
      className="day-start-confirm"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        void confirm({ account: accountId, startEquity: value.trim() }).then((answer) => {
          if (answer.ok) setEntered(null);
        });
      }}
      data-testid="day-start-confirm"
    >
      <label htmlFor={`day-start-${accountId}`}>Today&apos;s starting equity</label>
      <input
        id={`day-start-${accountId}`}
        className="num"
        inputMode="decimal"
        value={value}
        aria-invalid={!valid}
        onChange={(event) => {
          setEntered(event.target.value);
        }}
        data-testid="day-start-input"
      />
      <button type="submit" disabled={pending || !valid} data-testid="day-start-submit">
        Confirm start
      </button>
      {error !== null ? (
        <span className="note-bad" role="alert" data-testid="day-start-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
