// The ticket's symbol choice: one option per instrument, each with its bid × ask refreshed every second (the
// chosen symbol's live quote is shown beside it; a hundred option texts 20 times a second cost frames).
import { SelectField } from '../../components/SelectField';
import { formatPrice } from '../../lib/format';
import { useViewSampled } from '../../state';
import type { ViewState } from '../../state';

export const LIST_QUOTES_EVERY_MS = 1000;

function optionTexts(s: ViewState): string[] {
  return (
    s.view?.instruments.map(
      (i) => `${i.symbol}\t${formatPrice(i.bid, i.tickSize)} × ${formatPrice(i.ask, i.tickSize)}`,
    ) ?? []
  );
}

type SymbolSelectProps = { id: string; value: string; onChange: (symbol: string) => void };

export function SymbolSelect({ id, value, onChange }: SymbolSelectProps) {
  const options = useViewSampled(optionTexts, LIST_QUOTES_EVERY_MS);
  const choices = options.map((option) => {
    const [symbol = '', quote = ''] = option.split('\t');
    return { value: symbol, label: `${symbol}  ${quote}` };
  });
  return (
    <SelectField
      id={id}
      label="Symbol"
      testId="ticket-symbol"
      value={value}
      choices={choices}
      wide
      onChange={onChange}
    />
  );
}
