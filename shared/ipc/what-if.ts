// What the rules being edited would have done to the trader's own recent history (the what-if of the Rules
// screen): the account's journaled events of the last `days` trading days replayed through the edited config with
// enforcement simulated, exactly as `warden replay --enforce` does, compared day by day with what happened.
// Money as exact decimal strings; times as ISO strings.

/** The first moment one rule reached a level on a day. */
export type WhatIfFiring = { rule: string; level: 'warning' | 'critical' | 'breach'; at: string };

export type WhatIfDay = {
  /** The trading day's label: the date on which it ends (as the history's days). */
  day: string;
  /** The day's net P&L as it happened (realized − fees + the change in open P&L over the day, as the history). */
  actualNetPnl: string;
  /** The same under the edited rules, their flattens and locks simulated. */
  whatIfNetPnl: string;
  /** Breach decisions under the edited rules that day. */
  breaches: number;
  /** Flattens and closes the edited rules would have done that day. */
  flattens: number;
  /** When the edited rules would have stopped the account that day (its first lock), else null. */
  stoppedAt: string | null;
  /** The first moment each rule fired that day, in time order. */
  firstFired: WhatIfFiring[];
};

export type WhatIfResult = {
  account: string;
  days: WhatIfDay[];
  actualNetPnl: string;
  whatIfNetPnl: string;
  /** Days on which the edited rules would have stopped the account. */
  daysStopped: number;
  /** Journaled events replayed. */
  events: number;
  /** In words: "With these rules you would have been stopped on 3 days and finished +1,240.00 instead of −310.00". */
  summary: string;
};

/** A what-if run as `whatIfStatus` tells it: running with its progress, or ended. */
export type WhatIfStatus =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; done: number; total: number; result: WhatIfResult }
  | { state: 'cancelled' }
  | { state: 'failed'; error: string };
