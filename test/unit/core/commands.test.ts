// The command runner: every command is validated, run and answered, never thrown; a refusal is not a fault.
import { describe, expect, it } from 'vitest';
import { apply, createEngineState, defaultEngineConfig } from '../../../main/engine';
import { dec } from '../../../shared/domain/money';
import { createCommandHandlers, type CommandDeps } from '../../../main/core/commands';
import { memoryLogger } from '../../../main/platform/logger';

const unused = (what: string) => () => {
  throw new Error(`${what} is not used here`);
};

function runner(overrides: Partial<CommandDeps> = {}) {
  const logger = memoryLogger();
  let afterCommands = 0;
  const deps: CommandDeps = {
    history: unused('history'),
    state: createEngineState(defaultEngineConfig),
    broker: {
      kind: 'projectx',
      start: unused('start'),
      execute: unused('execute'),
      reconnect: unused('reconnect'),
      stop: unused('stop'),
    },
    accountSelection: {
      isGuarded: () => true,
      excluded: () => [],
      fixed: () => false,
      save: unused('save'),
      listed: () => undefined,
    },
    flattener: { flatten: unused('flatten'), running: new Set(), stop: unused('stop') },
    breaker: { probe: unused('probe') },
    config: { change: unused('change'), admitFile: unused('admitFile'), inForce: () => null },
    logger,
    afterCommand: () => afterCommands++,
    applyOwn: unused('applyOwn'),
    view: unused('view'),
    ...overrides,
  };
  const handlers = createCommandHandlers(deps);
  return { run: handlers.run.bind(handlers), logger, afterCommands: () => afterCommands };
}

describe('the command runner', () => {
  it('answers a command that does nothing asynchronous with its result, then runs afterCommand', async () => {
    const { run, afterCommands } = runner();
    expect(await run('getConfig', {})).toEqual({ ok: true, result: { config: null } });
    expect(afterCommands()).toBe(1);
  });

  it.each([
    ['a plain handler', 'lock', { account: 'NOPE' }, 'unknown account NOPE'],
    [
      'an asynchronous handler',
      'placeOrder',
      { account: 'NOPE', symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' },
      'placing orders is only available on the simulated broker',
    ],
  ] as const)('answers a refusal from %s without logging it as a fault', async (_, name, args, error) => {
    const { run, logger, afterCommands } = runner();
    expect(await run(name, args)).toEqual({ ok: false, error });
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(afterCommands()).toBe(1);
  });

  it('answers and logs a fault, never throws', async () => {
    const { run, logger, afterCommands } = runner({
      view: () => {
        throw new Error('the view broke');
      },
    });
    expect(await run('getState', {})).toEqual({ ok: false, error: 'the view broke' });
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'command failed',
      context: { name: 'getState', reason: 'the view broke' },
    });
    expect(afterCommands()).toBe(1);
  });

  it('refuses an unknown command and invalid arguments without running anything', async () => {
    const { run, afterCommands } = runner();
    expect(await run('nope' as 'getState', {})).toEqual({ ok: false, error: 'unknown command nope' });
    const invalid = await run('lock', { account: 'A', until: 'forever' });
    expect(invalid.ok).toBe(false);
    expect(afterCommands()).toBe(0);
  });
});

describe('commands on a group (docs/RULES.md section 10)', () => {
  const grouped = () => {
    const state = createEngineState({
      ...defaultEngineConfig,
      groups: { apex: { name: 'Apex', accounts: ['A1', 'A2', 'A9'], rules: {}, copier: null } },
    });
    const events = ['A1', 'A2'].map((account) => ({
      type: 'account' as const,
      t: Date.parse('2026-05-05T14:00:00Z'),
      account,
      balance: dec(50000),
    }));
    for (const event of events) apply(state, event);
    return state;
  };

  it.each([
    ['flatten', {}, 'invalid flatten: (arguments): give one of account, group or all: true'],
    [
      'flatten',
      { group: 'apex', all: true },
      'invalid flatten: (arguments): give one of account, group or all: true',
    ],
    ['flatten', { group: '' }, 'invalid flatten: group: group is required'],
    ['lock', { until: 'dayEnd' }, 'invalid lock: (arguments): give account or group'],
    ['lock', { account: 'A1', group: 'apex' }, 'invalid lock: (arguments): give account or group'],
  ] as const)('%s %j is refused as invalid', async (name, args, error) => {
    const { run } = runner({ state: grouped() });
    expect(await run(name, args)).toEqual({ ok: false, error });
  });

  it('an unknown group is refused by its name, with the groups there are', async () => {
    const { run } = runner({ state: grouped() });
    expect(await run('flatten', { group: 'nope' })).toEqual({
      ok: false,
      error: 'unknown group "nope" (groups are apex)',
    });
    const { run: none } = runner();
    expect(await none('lock', { group: 'nope' })).toEqual({
      ok: false,
      error: 'unknown group "nope" (the config has no groups)',
    });
  });

  it('flatten {group} flattens every guarded member Warden knows; lock {group} locks each', async () => {
    const flattened: string[] = [];
    const locked: string[] = [];
    const state = grouped();
    const { run } = runner({
      state,
      accountSelection: {
        isGuarded: (id) => id !== 'A2',
        excluded: () => ['A2'],
        fixed: () => false,
        save: unused('save'),
        listed: () => undefined,
      },
      breaker: { probe: () => undefined },
      flattener: {
        flatten: (account) => {
          flattened.push(account);
          return Promise.resolve({
            account,
            flat: true,
            cancelledOrders: 0,
            closedPositions: 0,
            elapsedMs: 0,
          });
        },
        running: new Set(),
        stop: unused('stop'),
      },
      applyOwn: (event) => {
        if (event.type === 'selfLock') locked.push(event.account);
        apply(state, event);
      },
    });
    expect((await run('flatten', { group: 'apex' })).ok).toBe(true);
    expect(flattened).toEqual(['A1']);
    expect(await run('lock', { group: 'apex', until: 'dayEnd' })).toEqual({
      ok: true,
      result: { lockedUntil: '2026-05-05T22:00:00.000Z', accounts: ['A1', 'A2'] },
    });
    expect(locked).toEqual(['A1', 'A2']);
  });
});
