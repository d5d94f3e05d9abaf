// The command runner: every command is validated, run and answered, never thrown; a refusal is not a fault.
import { describe, expect, it } from 'vitest';
import { createEngineState, defaultEngineConfig } from '../../../main/engine';
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
