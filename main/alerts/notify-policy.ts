// Which alerts reach the trader as a native/browser notification (docs/RULES.md section 5: no spam). The engine reports
// a level when it is entered, and steps it down only past the hysteresis, so a hovering value yields no new
// decision. On top of that this policy, per account and rule:
// - notifies warning, critical and breach (never ok/info steps);
// - notifies a step up to a higher level than the last one notified at once (critical after warning is news);
// - otherwise (the same or a lower level again: it stepped down past hysteresis and came back) notifies only when
//   the last notification for that account and rule is at least `minIntervalMs` old.
// Everything still goes to the feed and the audit trail; only the interruption is limited.

export type NotifyLevel = 'warning' | 'critical' | 'breach';

const rank: Record<NotifyLevel, number> = { warning: 1, critical: 2, breach: 3 };

export type NotifyPolicy = {
  /** Whether a level entered at time `t` (ms) notifies; records it when it does. */
  shouldNotify(entry: { account: string; rule: string; level: NotifyLevel; t: number }): boolean;
};

export const DEFAULT_NOTIFY_INTERVAL_MS = 5 * 60_000;

export function createNotifyPolicy(options: { minIntervalMs?: number } = {}): NotifyPolicy {
  const minIntervalMs = options.minIntervalMs ?? DEFAULT_NOTIFY_INTERVAL_MS;
  const last = new Map<string, { level: NotifyLevel; t: number }>();
  return {
    shouldNotify({ account, rule, level, t }) {
      const key = `${account}\u0000${rule}`;
      const previous = last.get(key);
      const notify =
        previous === undefined || rank[level] > rank[previous.level] || t - previous.t >= minIntervalMs;
      if (notify) last.set(key, { level, t });
      return notify;
    },
  };
}
