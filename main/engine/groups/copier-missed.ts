// copierMissed: the leader holds a position in an underlying and a follower holds none there for more than
// graceSeconds, timed from when the follower first holds nothing there: a warning on that follower, once per
// leader position (docs/RULES.md section 10). A leader position is known by when it opened.
import { everyEvent, forgetExcept, graceOver, holdingsOf } from './copier';
import type { GroupRule, MemberFinding } from './types';

const prefix = 'copierMissed:';

export const copierMissed: GroupRule = {
  id: 'copierMissed',
  triggers: everyEvent,
  enabled: (group) => group.copier !== null,
  evaluate(ctx) {
    const copier = ctx.group.copier;
    const leader = ctx.members.find((member) => member.id === copier?.leader);
    if (copier === null || leader === undefined) return [];
    const followers = ctx.members.filter((member) => member !== leader);
    const held = holdingsOf(ctx.state, ctx.members);
    const findings: MemberFinding[] = [];
    const watched = new Set<string>();
    for (const [underlying, holdings] of held) {
      const led = holdings.find((h) => h.account === leader);
      if (led === undefined) continue;
      for (const follower of followers) {
        const key = `${prefix}${underlying}:${follower.id}`;
        watched.add(key);
        const memory = ctx.memory(key);
        if (memory.data?.['leader'] !== led.openedAt)
          memory.data = { leader: led.openedAt, since: -1, reported: 0 };
        const data = memory.data;
        if (holdings.some((h) => h.account === follower)) {
          data['since'] = -1;
          continue;
        }
        if (data['since'] === -1) data['since'] = ctx.event.t;
        if (data['reported'] === 1 || !graceOver(copier, Number(data['since']), ctx.event.t)) continue;
        data['reported'] = 1;
        memory.level = 'warning';
        findings.push({
          kind: 'member',
          account: follower.id,
          level: 'warning',
          action: 'alert',
          lock: null,
          message: `${ctx.group.name}: ${follower.id} holds no ${underlying} while the leader ${leader.id} does, for more than ${copier.graceSeconds}s`,
        });
      }
    }
    forgetExcept(ctx, prefix, watched);
    return findings;
  },
};
