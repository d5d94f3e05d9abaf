// The overview's order, "closest to a limit" first: room as a share of each limit, restricted accounts first,
// then the worst level, then the closeness held steady within a band, then the name; groups ordered the same way.
import { describe, expect, it } from 'vitest';
import {
  closeness,
  createOverviewOrder,
  NO_LIMIT,
  overviewEntries,
  roomFraction,
  steadyRoom,
  tierOf,
  worstLimit,
} from '../../../renderer/src/features/overview/overview-order';
import {
  groupRowData,
  overviewRowData,
  roomLeft,
} from '../../../renderer/src/features/overview/overview-rows';
import type { StateView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import {
  fiveAccounts,
  fiveAccountsState,
  limitsOf,
  overviewAccount,
  overviewGroup,
  twoGroups,
} from '../../helpers/overview-fixture';

const exact = (view: StateView) => overviewEntries(view, (key) => roomsOf(view).get(key) ?? NO_LIMIT);

function roomsOf(view: StateView): Map<string, number> {
  return new Map([
    ...view.accounts.map((a) => [a.id, closeness(a.limits) ?? NO_LIMIT] as const),
    ...view.groups.map((g) => [`group:${g.id}`, closeness(g.limits) ?? NO_LIMIT] as const),
  ]);
}

describe('room and closeness', () => {
  it.each([
    ['820.00', '1000.00', 0.18],
    ['0', '1000', 1],
    ['1000', '1000', 0],
    ['1250', '1000', 0],
    ['-50', '1000', 1],
    ['3', '10', 0.7],
    ['1', '0', 0],
    ['x', '1000', null],
  ])('room of %s used of %s is %s', (used, limit, room) => {
    expect(roomFraction({ used, limit })).toBe(room);
  });

  it('is the smallest room over money and count limits alike, null without limits', () => {
    const [apex1, apex2, apex3, ts1, ts2] = fiveAccounts();
    expect([apex1, apex2, apex3, ts1, ts2].map((a) => a && closeness(a.limits))).toEqual([
      0.58,
      0.17,
      0,
      2400 / 4500,
      0.1,
    ]);
    expect(closeness(limitsOf({ tradeFrequency: ['9', '10'], dailyLoss: ['100', '1000'] }))).toBe(0.1);
    expect(closeness([])).toBeNull();
  });

  it('names the worst level and the limit that has it', () => {
    const limits = limitsOf({
      dailyLoss: ['830', '1000', 'warning'],
      trailingDrawdown: ['1900', '2000', 'critical'],
      maxContracts: ['4', '5', 'warning'],
    });
    expect(worstLimit(limits)).toEqual({ level: 'critical', limit: limits[1] });
    expect(worstLimit(limitsOf({ dailyLoss: ['1', '1000'] }))).toEqual({ level: 'ok', limit: null });
  });

  it('ranks enforcement paused, then halted, reducing, active', () => {
    expect([tierOf('active', 'open'), tierOf('halted'), tierOf('reducing'), tierOf('active')]).toEqual([
      0, 1, 2, 3,
    ]);
  });
});

describe('the order', () => {
  it('without groups: halted first, then by worst level, then by room', () => {
    const view = buildFixtureState({ accounts: fiveAccounts() });
    expect(exact(view)).toEqual(['a:APEX-03', 'a:TS-50K-2', 'a:APEX-02', 'a:TS-150K-1', 'a:APEX-01']);
  });

  it('ties in name order as a trader counts: Apex 2 before Apex 10', () => {
    const accounts = ['Apex 10', 'Apex 2', 'Apex 1'].map((id) => overviewAccount({ id, pnl: '0', bars: {} }));
    expect(exact(buildFixtureState({ accounts }))).toEqual(['a:Apex 1', 'a:Apex 2', 'a:Apex 10']);
  });

  it('an account whose enforcement is paused leads, even with every limit ok', () => {
    const accounts = fiveAccounts();
    const calm = accounts[3];
    if (calm === undefined) throw new Error('fixture has five accounts');
    calm.enforcement = 'open';
    expect(exact(buildFixtureState({ accounts }))[0]).toBe('a:TS-150K-1');
  });

  it('with groups: each group under its header, groups ordered by their most pressed member', () => {
    expect(exact(fiveAccountsState())).toEqual([
      'g:apex',
      'a:APEX-03',
      'a:APEX-02',
      'a:APEX-01',
      'g:topstep',
      'a:TS-50K-2',
      'a:TS-150K-1',
    ]);
  });

  it("a group's own limit can bring it first; an account in two groups is listed under the first", () => {
    const accounts = fiveAccounts().filter((a) => a.id !== 'APEX-03');
    const ts2 = accounts.find((a) => a.id === 'TS-50K-2');
    const [apex, topstep] = twoGroups();
    if (ts2 === undefined || apex === undefined || topstep === undefined) throw new Error('fixture changed');
    ts2.limits = limitsOf({ dailyLoss: ['200.00', '1000.00'], trailingDrawdown: ['1000.00', '2000.00'] });
    apex.tradingState = 'active';
    topstep.accounts = [...topstep.accounts, 'APEX-02'];
    // Apex (APEX-02 at warning) comes first while Topstep's members are all ok...
    expect(exact(buildFixtureState({ accounts, groups: [apex, topstep] }))[0]).toBe('g:apex');
    // ...until Topstep's own daily loss is critical.
    topstep.limits = limitsOf({ groupDailyLoss: ['2990.00', '3000.00', 'critical'] });
    const view = buildFixtureState({ accounts, groups: [apex, topstep] });
    expect(exact(view)).toEqual([
      'g:topstep',
      'a:TS-50K-2',
      'a:TS-150K-1',
      'g:apex',
      'a:APEX-02',
      'a:APEX-01',
    ]);
  });

  it('accounts in no group come under their own header, placed by their first row', () => {
    const loose = overviewAccount({
      id: 'SOLO',
      pnl: '-990.00',
      bars: { dailyLoss: ['990.00', '1000.00', 'critical'] },
    });
    const view = fiveAccountsState();
    view.accounts.push(loose);
    const entries = exact(view);
    expect(entries.slice(0, 5)).toEqual(['g:apex', 'a:APEX-03', 'a:APEX-02', 'a:APEX-01', 'u']);
    expect(entries[5]).toBe('a:SOLO');
    const empty = overviewGroup({
      id: 'none',
      name: 'Empty',
      accounts: [],
      pnl: '0.00',
      openContracts: 0,
      bars: {},
    });
    expect(exact(buildFixtureState({ accounts: [loose], groups: [empty] }))).toEqual([
      'u',
      'a:SOLO',
      'g:none',
    ]);
  });
});

describe('a steady order', () => {
  const twoAt = (seq: number, a: string, b: string) =>
    buildFixtureState({
      seq,
      accounts: [
        overviewAccount({ id: 'A', pnl: '0', bars: { dailyLoss: [a, '1000'] } }),
        overviewAccount({ id: 'B', pnl: '0', bars: { dailyLoss: [b, '1000'] } }),
      ],
    });

  it('keeps the previous closeness while the new one is within the band', () => {
    expect(steadyRoom(undefined, 0.3)).toBe(0.3);
    expect(steadyRoom(0.3, 0.315)).toBe(0.3);
    expect(steadyRoom(0.3, 0.32)).toBe(0.32);
    expect(steadyRoom(0.3, 0.28)).toBe(0.28);
    expect(steadyRoom(0.01, 0)).toBe(0);
    expect(steadyRoom(0.3, null)).toBe(NO_LIMIT);
  });

  it('does not swap two accounts a hair apart, and does once one has moved by the band', () => {
    const order = createOverviewOrder();
    expect(order(twoAt(1, '700', '690'))).toEqual(['a:A', 'a:B']); // rooms 0.30, 0.31
    expect(order(twoAt(2, '685', '695'))).toEqual(['a:A', 'a:B']); // 0.315, 0.305: both within the band
    expect(order(twoAt(3, '650', '695'))).toEqual(['a:B', 'a:A']); // A at 0.35 has moved by 0.05
    const view = twoAt(4, '650', '695');
    expect(order(view)).toBe(order(view));
    expect(order(null)).toEqual([]);
  });
});

describe('the row figures', () => {
  it('room left exact and never negative, money to the cent', () => {
    const [daily, contracts] = limitsOf({ dailyLoss: ['1000.10', '1000.00'], maxContracts: ['3', '10'] });
    if (daily === undefined || contracts === undefined) throw new Error('two limits');
    expect(roomLeft(daily)).toBe('0.00');
    expect(roomLeft(contracts)).toBe('7');
    expect(roomLeft({ ...daily, used: '0.1', limit: '0.3' })).toBe('0.20');
  });

  it("an account's row: rooms, bars, contracts against the limit, worst level", () => {
    const apex2 = fiveAccounts()[1];
    if (apex2 === undefined) throw new Error('fixture has five accounts');
    expect(overviewRowData(apex2)).toMatchObject({
      name: 'APEX-02',
      dailyNetPnl: '-830.00',
      lossLeft: '170.00',
      lossPct: 83,
      lossLevel: 'warning',
      trailLeft: '1300.00',
      trailPct: 48,
      contracts: '4',
      contractsLimit: '10',
      worst: 'warning',
      worstLabel: 'Daily loss',
    });
    expect(overviewRowData(apex2)).toBe(overviewRowData(apex2));
  });

  it("a group's row: the core's sums as given, its leader by name", () => {
    const [apex, topstep] = twoGroups();
    if (apex === undefined || topstep === undefined) throw new Error('fixture has two groups');
    expect(groupRowData(apex, (id) => `name of ${id}`)).toMatchObject({
      dailyNetPnl: '-2250.00',
      lossLeft: '1750.00',
      contracts: '7',
      contractsLimit: '20',
      members: 3,
      leader: 'name of APEX-01',
      tradingState: 'halted',
      worst: 'warning',
    });
    expect(groupRowData(topstep, (id) => id)).toMatchObject({
      contracts: '4',
      contractsLimit: null,
      leader: null,
    });
  });
});
