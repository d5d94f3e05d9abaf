// copierLeaderHalted (copier haltWithLeader): when the leader becomes halted, every follower is flattened and
// halted with the leader's lock — the same state and `until` — one decision per follower, none for the leader
// (docs/RULES.md section 10). A longer halt of the leader is passed on again. A lock that ends on the leader's own
// condition (the broker allowing it to trade, its day start confirmed) halts the followers until a reset by hand.
import { strictestLock, untilText } from '../locks';
import type { Lock } from '../state';
import { everyEvent } from './copier';
import type { GroupRule, MemberFinding } from './types';

export const copierLeaderHalted: GroupRule = {
  id: 'copierLeaderHalted',
  triggers: everyEvent,
  enabled: (group) => group.copier?.haltWithLeader === true,
  evaluate(ctx) {
    const leaderId = ctx.group.copier?.leader;
    const leader = ctx.members.find((member) => member.id === leaderId);
    if (leader === undefined) return [];
    const memory = ctx.memory('copierLeaderHalted');
    const lock = strictestLock(leader);
    if (lock === null || lock.state !== 'halted') {
      memory.level = 'ok';
      memory.data = {};
      return [];
    }
    // The group's own rule halted every member already.
    if (lock.group === ctx.id) return [];
    const key = `${lock.rule}|${lock.since}|${String(lock.until)}`;
    if (memory.data?.['lock'] === key) return [];
    memory.data = { lock: key };
    memory.level = 'breach';
    const until: Lock['until'] =
      typeof lock.until === 'number' || lock.until === 'manual' ? lock.until : 'manual';
    return ctx.members
      .filter((member) => member !== leader)
      .map((follower): MemberFinding => ({
        kind: 'member',
        account: follower.id,
        level: 'breach',
        action: 'flatten',
        lock: { state: 'halted', until },
        message: `${ctx.group.name}: the leader ${leader.id} is halted (${lock.rule}), so ${follower.id} is halted ${untilText(until, ctx.state.config.session.timezone)}`,
      }));
  },
};
