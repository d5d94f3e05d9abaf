// What the edited rules would have made of an account's days beside what happened. The rows go through two
// replayers of `warden replay` (docs/API.md section 3): one as recorded, one with enforcement simulated as
// `--enforce` does; each day's net P&L is read from their summaries just before the day rolls, and the day's
// breaches, flattens, first lock and first firing per rule from the simulated replay's decision lines, so every
// figure is the CLI's own.
import type { WhatIfDay, WhatIfFiring, WhatIfResult } from '../../shared/ipc/what-if';
import { validateConfig } from '../../shared/config/schema';
import { Dec, ZERO, moneyString } from '../../shared/domain/money';
import { engineConfigOf, tradingDayOf, type Period, type SessionConfig } from '../engine';
import { createReplayer, type Replayer } from '../replay/replayer';
import type { RawEvent } from '../store';
import { whatIfSentence } from './sentence';

/** What a worker is asked: the account, the edited document (valid), and the period's first day and length. */
export type WhatIfJob = { account: string; document: unknown; firstDay: string; days: number };
export type JobRow = Pick<RawEvent, 't' | 'account' | 'body'>;

type DecisionLine = {
  t: string;
  account: string;
  rule: string;
  level: WhatIfFiring['level'];
  action: string;
  lock?: unknown;
};
type SummaryLine = {
  account: string;
  metrics: { dailyNetPnl: string };
  tradingState: string;
  lockedUntil: string | null;
};

type Day = {
  period: Period;
  /** The account had rows of its own that day (not only market data). */
  own: boolean;
  breaches: number;
  flattens: number;
  decisions: number;
  stoppedAt: string | null;
  firings: Map<string, WhatIfFiring>;
};

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export type WhatIfTally = {
  feed(row: JobRow): void;
  /** Closes the last day and sums up (once, at the end). */
  result(): WhatIfResult;
};

export function createWhatIfTally(job: WhatIfJob): WhatIfTally {
  const valid = validateConfig(job.document);
  if (!valid.ok) throw new Error(`the config has errors: ${valid.errors.join('; ')}`);
  const session: SessionConfig = valid.config.session;
  const actual = createReplayer(engineConfigOf(valid.config), { enforce: false });
  const edited = createReplayer(engineConfigOf(valid.config), { enforce: true });
  const days: WhatIfDay[] = [];
  let day: Day | null = null;
  let now = Number.NEGATIVE_INFINITY;
  let lines = 0;
  let events = 0;
  /** The simulated account's lock when the last day closed: a day may begin stopped. */
  let lockedUntil: string | null = null;

  const open = (t: number): Day => {
    const period = tradingDayOf(t, session);
    return {
      period,
      own: false,
      breaches: 0,
      flattens: 0,
      decisions: 0,
      stoppedAt: carriesOver(lockedUntil, period.start) ? iso(period.start) : null,
      firings: new Map(),
    };
  };
  const close = (closing: Day): void => {
    const was = summaryOf(actual, job.account);
    const simulated = summaryOf(edited, job.account);
    lockedUntil = simulated?.lockedUntil ?? null;
    const row = dayRow(closing, was, simulated);
    if (closing.period.label >= job.firstDay && row !== null) days.push(row);
  };

  return {
    feed(row) {
      now = Math.max(now, row.t);
      if (day === null) day = open(now);
      else if (now >= day.period.end) {
        close(day);
        day = open(now);
      }
      lines += 1;
      const { error } = actual.line(row.body, lines);
      const { out } = edited.line(row.body, lines);
      if (error !== undefined) return;
      events += 1;
      if (row.account === job.account) day.own = true;
      for (const text of out) note(day, JSON.parse(text) as DecisionLine, job.account);
    },
    result() {
      if (day !== null) close(day);
      day = null;
      return resultOf(job, days, events);
    },
  };
}

/** Whether a lock that ends at `until` (a time, or a condition such as `manual`) still holds at `t`. */
function carriesOver(until: string | null, t: number): boolean {
  if (until === null) return false;
  const end = Date.parse(until);
  return Number.isNaN(end) || end > t;
}

function summaryOf(replayer: Replayer, account: string): SummaryLine | null {
  for (const text of replayer.finish()) {
    const line = JSON.parse(text) as SummaryLine;
    if (line.account === account) return line;
  }
  return null;
}

function note(day: Day, decision: DecisionLine, account: string): void {
  if (decision.account !== account) return;
  day.decisions += 1;
  if (decision.level === 'breach') day.breaches += 1;
  if (decision.action === 'flatten' || decision.action === 'closePosition') day.flattens += 1;
  if (decision.lock !== undefined && day.stoppedAt === null) day.stoppedAt = decision.t;
  if (!day.firings.has(decision.rule))
    day.firings.set(decision.rule, { rule: decision.rule, level: decision.level, at: decision.t });
}

/** The day as listed; null for a day on which nothing of the account's happened and nothing moved. */
function dayRow(day: Day, was: SummaryLine | null, simulated: SummaryLine | null): WhatIfDay | null {
  const actualNetPnl = new Dec(was?.metrics.dailyNetPnl ?? 0);
  const whatIfNetPnl = new Dec(simulated?.metrics.dailyNetPnl ?? 0);
  if (!day.own && day.decisions === 0 && actualNetPnl.isZero() && whatIfNetPnl.isZero()) return null;
  return {
    day: day.period.label,
    actualNetPnl: moneyString(actualNetPnl),
    whatIfNetPnl: moneyString(whatIfNetPnl),
    breaches: day.breaches,
    flattens: day.flattens,
    stoppedAt: day.stoppedAt,
    firstFired: [...day.firings.values()],
  };
}

function resultOf(job: WhatIfJob, days: WhatIfDay[], events: number): WhatIfResult {
  const sum = (pick: (day: WhatIfDay) => string) => days.reduce((total, day) => total.plus(pick(day)), ZERO);
  const actualNetPnl = sum((day) => day.actualNetPnl);
  const whatIfNetPnl = sum((day) => day.whatIfNetPnl);
  const daysStopped = days.filter((day) => day.stoppedAt !== null).length;
  return {
    account: job.account,
    days,
    actualNetPnl: moneyString(actualNetPnl),
    whatIfNetPnl: moneyString(whatIfNetPnl),
    daysStopped,
    events,
    summary: whatIfSentence({ days, actualNetPnl, whatIfNetPnl, daysStopped, span: job.days }),
  };
}
