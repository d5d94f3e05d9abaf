// copierHedge: two members holding opposite directions in one underlying for more than graceSeconds — a hedge
// across accounts, which firms ban (docs/RULES.md section 10). A breach reported once per hedge: onHedge alert, an
// alert for every account in it; onHedge close, the positions there of the accounts whose direction differs from
// the leader's (without a leader position there: the side that opened later) are closed.
import type { AccountState } from '../state';
import { direction, everyEvent, forgetExcept, graceOver, holdingsOf, type Holding } from './copier';
import type { GroupContext, GroupRule, MemberFinding } from './types';

const prefix = 'copierHedge:';

export const copierHedge: GroupRule = {
  id: 'copierHedge',
  triggers: everyEvent,
  enabled: (group) => group.copier !== null,
  evaluate(ctx) {
    const copier = ctx.group.copier;
    if (copier === null) return [];
    const findings: MemberFinding[] = [];
    const hedged = new Set<string>();
    for (const [underlying, holdings] of holdingsOf(ctx.state, ctx.members)) {
      const longs = holdings.filter((h) => direction(h) > 0);
      const shorts = holdings.filter((h) => direction(h) < 0);
      if (longs.length === 0 || shorts.length === 0) continue;
      const key = prefix + underlying;
      hedged.add(key);
      const memory = ctx.memory(key);
      const data = (memory.data ??= { since: ctx.event.t, reported: 0 });
      if (data['reported'] === 1 || !graceOver(copier, Number(data['since']), ctx.event.t)) continue;
      data['reported'] = 1;
      memory.level = 'breach';
      const message = `${ctx.group.name}: hedge in ${underlying} across accounts (long ${names(longs)}, short ${names(shorts)}) for more than ${copier.graceSeconds}s`;
      if (copier.onHedge === 'alert') {
        for (const h of holdings.filter((x) => direction(x) !== 0))
          findings.push(alertOn(h.account, message));
        continue;
      }
      for (const h of toClose(ctx, holdings, longs, shorts)) {
        for (const symbol of h.symbols) findings.push(closeOn(h.account, symbol, message));
      }
    }
    forgetExcept(ctx, prefix, hedged);
    return findings;
  },
};

const names = (holdings: Holding[]) => holdings.map((h) => h.account.id).join(', ');

function alertOn(account: AccountState, message: string): MemberFinding {
  return { kind: 'member', account: account.id, level: 'breach', action: 'alert', lock: null, message };
}

function closeOn(account: AccountState, symbol: string, message: string): MemberFinding {
  return {
    kind: 'member',
    account: account.id,
    level: 'breach',
    action: 'closePosition',
    lock: null,
    symbol,
    message: `${message}: closing ${symbol}`,
  };
}

/**
 * The side against the leader's direction; without a leader position there, the side whose first position opened
 * later (at the same time: the side whose first account comes later in the group).
 */
function toClose(ctx: GroupContext, all: Holding[], longs: Holding[], shorts: Holding[]): Holding[] {
  const leader = all.find((h) => h.account.id === ctx.group.copier?.leader);
  const led = direction(leader);
  if (led !== 0) return led > 0 ? shorts : longs;
  const order = ctx.group.accounts;
  const first = (side: Holding[]) => side.reduce((a, b) => (b.openedAt < a.openedAt ? b : a));
  const long = first(longs);
  const short = first(shorts);
  if (long.openedAt !== short.openedAt) return long.openedAt > short.openedAt ? longs : shorts;
  return order.indexOf(long.account.id) > order.indexOf(short.account.id) ? longs : shorts;
}
