// The ticket's account choice, shown only when there is more than one account to choose from.
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';

type AccountSelectProps = { id: string; value: string; onChange: (accountId: string) => void };

export function AccountSelect({ id, value, onChange }: AccountSelectProps) {
  const accounts = useView(useShallow((s) => s.view?.accounts.map((a) => `${a.id}\t${a.name}`) ?? []));
  if (accounts.length < 2) return null;
  return (
    <div className="field field-wide">
      <label htmlFor={id}>Account</label>
      <select
        id={id}
        data-testid="ticket-account"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {accounts.map((entry) => {
          const [accountId = '', name = ''] = entry.split('\t');
          return (
            <option key={accountId} value={accountId}>
              {name}
            </option>
          );
        })}
      </select>
    </div>
  );
}
