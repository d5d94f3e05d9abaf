// The ticket's account choice, shown only when there is more than one account to choose from.
import { useShallow } from 'zustand/react/shallow';
import { SelectField } from '../../components/SelectField';
import { useView } from '../../state';

type AccountSelectProps = { id: string; value: string; onChange: (accountId: string) => void };

export function AccountSelect({ id, value, onChange }: AccountSelectProps) {
  const accounts = useView(useShallow((s) => s.view?.accounts.map((a) => `${a.id}\t${a.name}`) ?? []));
  if (accounts.length < 2) return null;
  const choices = accounts.map((entry) => {
    const [accountId = '', name = ''] = entry.split('\t');
    return { value: accountId, label: name };
  });
  return (
    <SelectField
      id={id}
      label="Account"
      testId="ticket-account"
      value={value}
      choices={choices}
      wide
      onChange={onChange}
    />
  );
}
