// The broker's own limits on an account, as lines beside Warden's: the firm's figure, Warden's for the same
// measure when it has one, and which acts first. Pure: the component only draws what this returns.
import { dec } from '../../../../shared/domain/money';
import type { FirmLimitsView, LimitView } from '../../../../shared/ipc';
import { formatAmount, formatHourMinute } from '../../lib/format';

export type FirmLimitLine = {
  id: 'dailyLoss' | 'trailingDrawdown' | 'dailyProfit' | 'flatten';
  label: string;
  firm: string;
  /** Warden's figure for the same measure, or null when Warden has none. */
  warden: string | null;
  /** Which acts first, in words; null when there is nothing to compare. */
  note: string | null;
};

/** Which of Warden's limit bars measures the same thing as a firm limit. */
const SAME_MEASURE = { dailyLoss: 'dailyLoss', trailingDrawdown: 'trailingDrawdown' } as const;

export function firmLimitLines(firm: FirmLimitsView, warden: readonly LimitView[]): FirmLimitLine[] {
  const lines: FirmLimitLine[] = [];
  const compared = (id: keyof typeof SAME_MEASURE, label: string, amount: string) => {
    const own = warden.find((limit) => limit.rule === SAME_MEASURE[id])?.limit ?? null;
    lines.push({
      id,
      label,
      firm: formatAmount(amount),
      warden: own === null ? null : formatAmount(own),
      note: whoFirst(amount, own),
    });
  };
  if (firm.dailyLoss !== null) compared('dailyLoss', 'Daily loss', firm.dailyLoss);
  if (firm.trailingDrawdown !== null)
    compared(
      'trailingDrawdown',
      firm.trailingMode === null ? 'Trailing drawdown' : `Trailing drawdown (${modeText(firm.trailingMode)})`,
      firm.trailingDrawdown,
    );
  if (firm.dailyProfit !== null)
    lines.push({
      id: 'dailyProfit',
      label: 'Daily profit',
      firm: formatAmount(firm.dailyProfit),
      warden: null,
      note: null,
    });
  if (firm.flattenAt !== null)
    lines.push({
      id: 'flatten',
      label: 'Flattens at',
      firm: formatHourMinute(firm.flattenAt),
      warden: null,
      note: null,
    });
  return lines;
}

function whoFirst(firm: string, warden: string | null): string | null {
  if (warden === null) return 'Warden has no limit here: only the firm acts';
  const difference = dec(warden).comparedTo(dec(firm));
  if (difference < 0) return 'Warden acts first';
  if (difference > 0) return "Warden's is looser: the firm liquidates first";
  return 'the same figure';
}

function modeText(mode: string): string {
  if (mode === 'EOD') return 'end of day';
  if (mode === 'RealTime') return 'real time';
  return mode;
}
