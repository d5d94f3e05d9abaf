// groupMaxContracts: the members' summed weighted contracts, working entry orders included, against `total`
// (docs/RULES.md section 10). Only the account whose fill or order took the group over is acted on, in that
// symbol: a fill's position reduced by the excess (whole contracts, rounded up, at most the position), an order's
// orders there cancelled. Reported once per excursion: it re-arms when the group is back within its limit.
import { dec, ZERO } from '../../../shared/domain/money';
import { increasesPosition, resolveLock } from '../locks';
import { exposuresOf } from '../rules/max-contracts';
import type { AccountState } from '../state';
import type { GroupContext, GroupRule, MemberFinding } from './types';

export const groupMaxContracts: GroupRule = {
  id: 'groupMaxContracts',
  triggers: ['fill', 'order', 'position', 'instrument', 'configChange'],
  enabled: (group) => group.rules.groupMaxContracts?.enabled === true,
  evaluate(ctx) {
    const settings = ctx.group.rules.groupMaxContracts;
    if (settings === undefined) return [];
    const limit = dec(settings.total);
    const memory = ctx.memory('groupMaxContracts');
    let open = ZERO;
    let potential = ZERO;
    for (const account of ctx.members) {
      for (const exposure of exposuresOf(ctx.state, account, true)) {
        open = open.plus(exposure.open);
        potential = potential.plus(exposure.potential);
      }
    }
    if (potential.lessThanOrEqualTo(limit)) {
      memory.level = 'ok';
      return [];
    }
    if (memory.level === 'breach') return [];
    const culprit = culpritOf(ctx);
    if (culprit === null) return [];
    memory.level = 'breach';
    const { account, symbol } = culprit;
    const { event } = ctx;
    const lock = resolveLock(account, event.t, settings.lock, settings.lockState);
    const counted = `${potential.toFixed()} group contracts${potential.greaterThan(open) ? ' with working orders' : ''}`;
    const finding: MemberFinding = {
      kind: 'member',
      account: account.id,
      level: 'breach',
      action: 'cancelOrders',
      lock,
      symbol,
      message: `${ctx.group.name}: ${counted} above the limit of ${limit.toFixed()}`,
    };
    if (event.type === 'fill') {
      const weight = ctx.state.instruments.get(symbol)?.weight ?? dec(1);
      const held = Math.abs(account.positions.get(symbol)?.qty ?? 0);
      finding.action = 'reducePosition';
      finding.qty = Math.min(held, potential.minus(limit).dividedBy(weight).ceil().toNumber());
    }
    return [finding];
  },
};

/** The member whose fill (opening or adding) or working order (that would add) is this event, and its symbol. */
function culpritOf(ctx: GroupContext): { account: AccountState; symbol: string } | null {
  const { event } = ctx;
  if (event.type !== 'fill' && event.type !== 'order') return null;
  const account = ctx.members.find((member) => member.id === event.account);
  if (account === undefined) return null;
  const held = account.positions.get(event.symbol)?.qty ?? 0;
  const took =
    event.type === 'fill'
      ? event.voided !== true && held !== 0 && held > 0 === (event.side === 'buy')
      : event.status === 'working' && increasesPosition(held, event.side);
  return took ? { account, symbol: event.symbol } : null;
}
