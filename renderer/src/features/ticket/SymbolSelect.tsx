// The ticket's symbol choice: one option per instrument, each with its live bid × ask.
import { useShallow } from 'zustand/react/shallow';
import { formatPrice } from '../../lib/format';
import { useView } from '../../state';

type SymbolSelectProps = { id: string; value: string; onChange: (symbol: string) => void };

export function SymbolSelect({ id, value, onChange }: SymbolSelectProps) {
  const options = useView(
    useShallow(
      (s) =>
        s.view?.instruments.map(
          (i) => `${i.symbol}\t${formatPrice(i.bid, i.tickSize)} × ${formatPrice(i.ask, i.tickSize)}`,
        ) ?? [],
    ),
  );
  return (
    <select
      id={id}
      data-testid="ticket-symbol"
      value={value}
      onChange={(event) => {
        onChange(event.target.value);
      }}
    >
      {options.map((option) => {
        const [symbol = '', quote = ''] = option.split('\t');
        return (
          <option key={symbol} value={symbol}>
            {`${symbol}  ${quote}`}
          </option>
        );
      })}
    </select>
  );
}
