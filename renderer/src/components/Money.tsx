// A money figure: tabular digits, thousands separators, 2 places; P&L variants carry a sign and a colour.
import { formatAmount, formatSignedAmount, toneOf } from '../lib/format';

type MoneyProps = {
  value: string | null | undefined;
  /** P&L: shows "+"/"-" and colours green/red; plain amounts (balance) stay neutral. */
  pnl?: boolean;
  testId?: string;
  className?: string;
};

export function Money({ value, pnl = false, testId, className }: MoneyProps) {
  const tone = pnl ? `pnl-${toneOf(value)}` : '';
  const classes = ['num', tone, className ?? ''].filter((c) => c !== '').join(' ');
  return (
    <span className={classes} data-testid={testId}>
      {pnl ? formatSignedAmount(value) : formatAmount(value)}
    </span>
  );
}
