// What the trader is told about each engine decision: level changes and actions in plain words.
import { moneyString } from '../../shared/domain/money';
import type { LevelFigures } from '../../shared/ipc';
import { untilText, type Decision, type RuleDecision } from '../engine';
import type { AlertFeed } from './alert-feed';
import type { NotifyPolicy } from './notify-policy';

/** A level change's figures as exact decimal strings, for the audit. */
export function levelFigures(decision: RuleDecision): LevelFigures | undefined {
  const { figures } = decision;
  if (figures === undefined) return undefined;
  return {
    rule: decision.rule,
    level: decision.level,
    value: moneyString(figures.value),
    limit: moneyString(figures.limit),
    threshold: moneyString(figures.threshold),
  };
}

function ruleAlert(
  alerts: Pick<AlertFeed, 'raise'>,
  decision: RuleDecision,
  policy: NotifyPolicy | undefined,
  zone: string | undefined,
): void {
  const level = decision.level === 'warning' ? 'warning' : 'critical';
  const state = decision.lock?.state === 'halted' ? 'Halted' : 'Reducing only';
  const lock = decision.lock === undefined ? '' : ` ${state} ${untilText(decision.lock.until, zone)}.`;
  const target = decision.symbol === undefined ? '' : ` ${decision.symbol}`;
  const doing = decision.action === 'alert' ? '' : ` Warden: ${decision.action}${target}.`;
  alerts.raise(
    level,
    decision.account,
    `${decision.rule} ${decision.level}`,
    `${decision.message}.${doing}${lock}`,
    {
      notify:
        policy === undefined
          ? true
          : policy.shouldNotify({
              account: decision.account,
              rule: decision.rule,
              level: decision.level,
              t: decision.t,
            }),
      figures: levelFigures(decision),
    },
  );
}

/**
 * `policy` decides which rule alerts also notify (docs/RULES.md section 5); without one every rule alert does. Times
 * are told in the session's time `zone`.
 */
export function tellDecision(
  alerts: Pick<AlertFeed, 'raise'>,
  decision: Decision,
  policy?: NotifyPolicy,
  zone?: string,
): void {
  switch (decision.kind) {
    case 'rule':
      ruleAlert(alerts, decision, policy, zone);
      return;
    case 'positionCorrected':
      alerts.raise(
        'warning',
        decision.account,
        `${decision.symbol} position corrected`,
        `Warden had ${decision.derivedQty}, the broker reports ${decision.brokerQty}; the broker's position is used.`,
      );
      return;
    case 'lockLifted':
      alerts.raise('info', decision.account, 'Lock lifted', `The ${decision.rule} lock has ended.`, {
        notify: true,
      });
      return;
    case 'tradeClosed':
    case 'trailingStop':
      return;
  }
}
