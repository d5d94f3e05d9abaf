// What Warden says away from the desk (docs/RULES.md section 13), short and with the figures: an alert of the feed
// as a remote message ("SIM-50K daily loss critical" / "−951.20 of 1,000.00, 48.80 left. …"), the broker link
// down and back, and the day summary of an account at the roll.
import { ruleCatalog } from '../../shared/config/rule-catalog';
import type { RuleId } from '../../shared/config/rules';
import { ruleIds } from '../../shared/config/rules';
import type { AlertView } from '../../shared/ipc';
import { Dec, formatMoney } from '../../shared/domain/money';
import type { RemoteMessage } from './channel';

/** Rules whose measure is money lost or given back: shown as a negative figure with what is left. */
const losses = new Set([
  'dailyLoss',
  'weeklyLoss',
  'positionLoss',
  'dailyGiveback',
  'trailingDrawdown',
  'groupDailyLoss',
]);
const groupTitles: Record<string, { title: string; money: boolean }> = {
  groupDailyLoss: { title: 'group daily loss', money: true },
  groupMaxContracts: { title: 'group max contracts', money: false },
};

const isRuleId = (rule: string): rule is RuleId => (ruleIds as readonly string[]).includes(rule);

/** "daily loss", and whether its figures are money. */
function ruleTitle(rule: string): { title: string; money: boolean } {
  if (isRuleId(rule)) {
    const entry = ruleCatalog[rule];
    const kinds = Object.values(entry.params as Record<string, { kind: string }>).map((param) => param.kind);
    return { title: entry.title.toLowerCase(), money: kinds[0] === 'money' };
  }
  return groupTitles[rule] ?? { title: rule, money: false };
}

/** "−951.20 of 1,000.00, 48.80 left" for a loss; "1,050.00 of 1,000.00" for a target; "5 of 4" for a count. */
export function figuresText(rule: string, value: string, limit: string): string {
  const { money } = ruleTitle(rule);
  const shown = (figure: string) => (money ? formatMoney(figure) : figure);
  if (!losses.has(rule)) return `${shown(value)} of ${shown(limit)}`;
  const left = new Dec(limit).minus(value);
  const rest = left.isPositive() && !left.isZero() ? `, ${shown(left.toFixed())} left` : '';
  return `−${shown(value)} of ${shown(limit)}${rest}`;
}

/**
 * An alert of the feed as a remote message; null for what is not sent this way (the broker link is told by its
 * own timer, `connectionMessage`). A rule's level names the rule and its figures; an enforcement result is one.
 */
export function remoteMessageOf(alert: AlertView): RemoteMessage | null {
  // The broker link is told by its own timer; a channel's own trouble is for the screen.
  if (alert.topic === 'connection' || alert.topic === 'notify') return null;
  const t = Date.parse(alert.t);
  const who = alert.account ?? 'Warden';
  const figures = alert.figures;
  if (figures !== undefined) {
    const { title } = ruleTitle(figures.rule);
    return {
      event: 'level',
      level: figures.level === 'warning' ? 'warning' : 'critical',
      account: alert.account,
      rule: figures.rule,
      step: figures.level,
      title: `${who} ${title} ${figures.level}`,
      message: `${figuresText(figures.rule, figures.value, figures.limit)}. ${alert.message}`,
      t,
    };
  }
  return {
    event: alert.topic === 'enforcement' ? 'enforcement' : 'level',
    level: alert.level,
    account: alert.account,
    rule: null,
    title: `${who}: ${alert.title}`,
    message: alert.message,
    t,
  };
}

/** The broker link, down for `downForMs` already (`back`: and now back after that long). */
export function connectionMessage(
  broker: string,
  t: number,
  downForMs: number,
  back: boolean,
): RemoteMessage {
  const seconds = Math.round(downForMs / 1000);
  return {
    event: 'connection',
    level: back ? 'info' : 'critical',
    account: null,
    rule: null,
    title: back ? `Broker link back` : `Broker link down`,
    message: back
      ? `The ${broker} connection is back after ${seconds} s. Warden is guarding again.`
      : `The ${broker} connection has been down for ${seconds} s: Warden cannot see or act on your accounts. Check them in the broker's platform.`,
    t,
  };
}

export type DaySummary = {
  account: string;
  /** The trading day's label (the date it ends on). */
  day: string;
  netPnl: string;
  trades: number;
  breaches: number;
  /** The account's trading state when the day ended: "active", "halted", … */
  state: string;
};

/** "SIM-50K 2026-12-02: net −310.00, 7 trades, 1 breach, halted". */
export function daySummaryMessage(summary: DaySummary, t: number): RemoteMessage {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const net = new Dec(summary.netPnl);
  const netText = `${net.isNegative() && !net.isZero() ? '−' : '+'}${formatMoney(net.abs())}`;
  return {
    event: 'daySummary',
    level: 'info',
    account: summary.account,
    rule: null,
    title: `${summary.account} day ${summary.day}`,
    message: `Net ${netText}, ${plural(summary.trades, 'trade', 'trades')}, ${plural(summary.breaches, 'breach', 'breaches')}, ended ${summary.state}.`,
    t,
  };
}
