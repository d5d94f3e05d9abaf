// The no-spam policy (docs/RULES.md section 5): a level notifies when entered; a higher level at once; the same level
// again only after the per-account-and-rule interval; other accounts and rules are counted apart.
import { describe, expect, it } from 'vitest';
import { createNotifyPolicy, type NotifyLevel } from '../../../main/alerts/notify-policy';

type Step = [account: string, rule: string, level: NotifyLevel, tSeconds: number, notifies: boolean];

describe('the notification policy', () => {
  it.each<[string, Step[]]>([
    [
      'warning, then critical at once, then breach at once',
      [
        ['A1', 'dailyLoss', 'warning', 0, true],
        ['A1', 'dailyLoss', 'critical', 1, true],
        ['A1', 'dailyLoss', 'breach', 2, true],
      ],
    ],
    [
      'warning re-entered after stepping down: silent within 5 minutes, told after',
      [
        ['A1', 'dailyLoss', 'warning', 0, true],
        ['A1', 'dailyLoss', 'warning', 30, false],
        ['A1', 'dailyLoss', 'warning', 299, false],
        ['A1', 'dailyLoss', 'warning', 300, true],
      ],
    ],
    [
      'a lower level after a higher one is silent within the interval',
      [
        ['A1', 'dailyLoss', 'critical', 0, true],
        ['A1', 'dailyLoss', 'warning', 60, false],
        ['A1', 'dailyLoss', 'critical', 90, false],
        ['A1', 'dailyLoss', 'breach', 91, true],
      ],
    ],
    [
      'accounts and rules are limited apart',
      [
        ['A1', 'dailyLoss', 'warning', 0, true],
        ['A2', 'dailyLoss', 'warning', 1, true],
        ['A1', 'weeklyLoss', 'warning', 2, true],
        ['A1', 'dailyLoss', 'warning', 3, false],
      ],
    ],
  ])('%s', (_name, steps) => {
    const policy = createNotifyPolicy();
    const seen = steps.map(([account, rule, level, t]) =>
      policy.shouldNotify({ account, rule, level, t: t * 1000 }),
    );
    expect(seen).toEqual(steps.map((step) => step[4]));
  });

  it('takes its interval from the options', () => {
    const policy = createNotifyPolicy({ minIntervalMs: 10_000 });
    const at = (t: number) =>
      policy.shouldNotify({ account: 'A1', rule: 'marginLevel', level: 'warning', t });
    expect([at(0), at(9_999), at(10_000), at(15_000)]).toEqual([true, false, true, false]);
  });
});

describe('rule decisions told to the feed', () => {
  it('every decision reaches the feed; the policy decides which one notifies', async () => {
    const { tellDecision } = await import('../../../main/alerts/decision-alerts');
    const raised: { level: string; title: string; notify: boolean | undefined }[] = [];
    const feed = {
      recent: [],
      raise(
        level: 'info' | 'warning' | 'critical',
        _a: string | null,
        title: string,
        _m: string,
        options?: { notify?: boolean },
      ) {
        raised.push({ level, title, notify: options?.notify });
      },
    };
    const policy = createNotifyPolicy();
    const decide = (level: NotifyLevel, t: number) =>
      tellDecision(
        feed,
        { kind: 'rule', t, account: 'A1', rule: 'dailyLoss', level, action: 'alert', message: 'daily loss' },
        policy,
      );
    decide('warning', 0);
    decide('warning', 1000);
    decide('critical', 2000);
    expect(raised).toEqual([
      { level: 'warning', title: 'dailyLoss warning', notify: true },
      { level: 'warning', title: 'dailyLoss warning', notify: false },
      { level: 'critical', title: 'dailyLoss critical', notify: true },
    ]);
  });
});
