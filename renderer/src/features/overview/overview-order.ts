// The overview's order: "closest to a limit" first. Pure functions over the pushed view.
//
// Closeness of an account is the smallest room left on any of its limits (money and count alike: daily loss,
// giveback, trailing drawdown, weekly loss, trades today, contracts) as a fraction of that limit: 0 at or past a
// limit, 1 untouched. Rows sort by, in turn:
//   1. how the account trades: enforcement paused (the broker keeps failing: the trader must act by hand) first,
//      then halted, then reducing only, then active. A restricted account has already reached a limit (its
//      room is 0 on the rule that locked it), so a breach brings its row, with its countdown, to the top, and
//      the table reads red, then amber, then calm, as the tray does;
//   2. the worst level among its limits (breach, critical, warning, ok): the engine's levels have hysteresis,
//      so this part of the order does not flicker;
//   3. the closeness itself, held steady within a band (ROOM_BAND of the limit: the row moves when its room has
//      moved by more than that), so two accounts a hair apart do not swap places twenty times a second under
//      the trader's pointer; an account without a measurable limit comes after those with one;
//   4. the name, then the id.
// Groups are ordered the same way, by their most pressed member or their own group limits, whichever comes
// first; an account in several groups is listed under the first (config order). When there are groups, the
// accounts in none come under a "Not in a group" header, placed among the groups by their own first row.
import type {
  AccountView,
  BreakerState,
  GroupView,
  LimitView,
  RuleLevelView,
  StateView,
  TradingState,
} from '../../../../shared/ipc';

/** How far (as a fraction of the limit) an account's room must move before its row moves. */
export const ROOM_BAND = 0.02;

/** Where an account without a measurable limit sorts: after every account with one. */
export const NO_LIMIT = 2;

const levelRank: Record<RuleLevelView, number> = { ok: 0, warning: 1, critical: 2, breach: 3 };
const stateRank: Record<TradingState, number> = { halted: 1, reducing: 2, active: 3 };

/** The room left on a limit as a fraction of it: 1 untouched, 0 at or past it; null when it is not measurable. */
export function roomFraction(limit: Pick<LimitView, 'used' | 'limit'>): number | null {
  const used = Number(limit.used);
  const of = Number(limit.limit);
  if (!Number.isFinite(used) || !Number.isFinite(of)) return null;
  if (of <= 0) return 0;
  return Math.min(1, Math.max(0, (of - used) / of));
}

/** The smallest room fraction over the limits, or null when none is measurable. */
export function closeness(limits: readonly LimitView[]): number | null {
  let smallest: number | null = null;
  for (const limit of limits) {
    const room = roomFraction(limit);
    if (room !== null && (smallest === null || room < smallest)) smallest = room;
  }
  return smallest;
}

/** The worst level among the limits, and the limit that has it (the first one on a tie); ok when none. */
export function worstLimit(limits: readonly LimitView[]): { level: RuleLevelView; limit: LimitView | null } {
  let worst: LimitView | null = null;
  for (const limit of limits) {
    if (limit.level !== 'ok' && (worst === null || levelRank[limit.level] > levelRank[worst.level]))
      worst = limit;
  }
  return { level: worst?.level ?? 'ok', limit: worst };
}

/** 0 enforcement paused, 1 halted, 2 reducing only, 3 active. */
export function tierOf(state: TradingState, enforcement: BreakerState = 'closed'): number {
  return enforcement === 'open' ? 0 : stateRank[state];
}

/**
 * The closeness to sort by: the previous one while the new one is within `band` of it (and neither is at an
 * end of the scale), else the new one. `NO_LIMIT` stands for "nothing measurable".
 */
export function steadyRoom(previous: number | undefined, current: number | null, band = ROOM_BAND): number {
  const next = current ?? NO_LIMIT;
  if (previous === undefined || next === NO_LIMIT || previous === NO_LIMIT) return next;
  // (The epsilon: 0.30 − 0.28 is 0.0199… in binary floating point.)
  if (next === 0 || next === 1 || Math.abs(next - previous) >= band - 1e-9) return next;
  return previous;
}

export type SortKey = { tier: number; level: number; room: number; name: string; id: string };

/** Names in the order a trader counts them: "Apex 2" before "Apex 10". */
const byName = new Intl.Collator('en', { numeric: true });

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.level !== b.level) return b.level - a.level;
  if (a.room !== b.room) return a.room - b.room;
  const names = byName.compare(a.name, b.name);
  if (names !== 0) return names;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function earlier(a: SortKey, b: SortKey): SortKey {
  return compareKeys(a, b) <= 0 ? a : b;
}

export function accountKey(account: AccountView, room: number): SortKey {
  return {
    tier: tierOf(account.tradingState, account.enforcement),
    level: levelRank[worstLimit(account.limits).level],
    room,
    name: account.name,
    id: account.id,
  };
}

/** A group's key: its own limits and state, or its most pressed member's, whichever comes first. */
export function groupKey(group: GroupView, room: number, members: readonly SortKey[]): SortKey {
  const own: SortKey = {
    tier: tierOf(group.tradingState),
    level: levelRank[worstLimit(group.limits).level],
    room,
    name: group.name,
    id: group.id,
  };
  const first = members.reduce<SortKey | null>(
    (best, key) => (best === null ? key : earlier(best, key)),
    null,
  );
  if (first === null) return own;
  return {
    tier: Math.min(own.tier, first.tier),
    level: Math.max(own.level, first.level),
    room: Math.min(own.room, first.room),
    name: group.name,
    id: group.id,
  };
}

/** One line of the overview: a group's header (`g:<id>`), the "Not in a group" header (`u`), or an account. */
export type OverviewEntry = `g:${string}` | 'u' | `a:${string}`;

export const accountEntry = (id: string): OverviewEntry => `a:${id}`;
export const groupEntry = (id: string): OverviewEntry => `g:${id}`;

type Section = { head: OverviewEntry | null; members: SortKey[]; key: SortKey };

/**
 * The overview's lines in order. `roomOf` gives the closeness to sort by for an account id or for `group:<id>`
 * (steadied by the caller; `NO_LIMIT` when there is none).
 */
export function overviewEntries(view: StateView, roomOf: (key: string) => number): OverviewEntry[] {
  const keys = new Map(view.accounts.map((a) => [a.id, accountKey(a, roomOf(a.id))]));
  const sorted = (ids: Iterable<string>) => [...ids].flatMap((id) => keys.get(id) ?? []).sort(compareKeys);
  if (view.groups.length === 0) return sorted(keys.keys()).map((k) => accountEntry(k.id));
  const placed = new Set<string>();
  const sections: Section[] = view.groups.map((group) => {
    const members = sorted(group.accounts.filter((id) => keys.has(id) && !placed.has(id)));
    for (const member of members) placed.add(member.id);
    return {
      head: groupEntry(group.id),
      members,
      key: groupKey(group, roomOf(`group:${group.id}`), members),
    };
  });
  const rest = sorted([...keys.keys()].filter((id) => !placed.has(id)));
  const first = rest[0];
  if (first !== undefined) sections.push({ head: 'u', members: rest, key: first });
  return sections
    .sort((a, b) => compareKeys(a.key, b.key))
    .flatMap((section) => [
      ...(section.head === null ? [] : [section.head]),
      ...section.members.map((m) => accountEntry(m.id)),
    ]);
}

/**
 * The overview's order as a selector over the latest view: the same array for the same view, and the closeness
 * of each account and group held steady from one view to the next (steadyRoom). One per table.
 */
export function createOverviewOrder(band = ROOM_BAND): (view: StateView | null) => OverviewEntry[] {
  const steady = new Map<string, number>();
  let lastView: StateView | null = null;
  let last: OverviewEntry[] = [];
  return (view) => {
    if (view === lastView) return last;
    const current = new Map<string, number>();
    for (const account of view?.accounts ?? [])
      current.set(account.id, steadyRoom(steady.get(account.id), closeness(account.limits), band));
    for (const group of view?.groups ?? []) {
      const key = `group:${group.id}`;
      current.set(key, steadyRoom(steady.get(key), closeness(group.limits), band));
    }
    steady.clear();
    for (const [key, room] of current) steady.set(key, room);
    lastView = view;
    last = view === null ? [] : overviewEntries(view, (key) => steady.get(key) ?? NO_LIMIT);
    return last;
  };
}
