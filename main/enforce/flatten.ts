// Verified flatten (docs/RULES.md section 7): cancel every working order, close every position at market, then
// watch until the account is really flat; retry with backoff; never two flattens of one account at once. Its
// commands and the other actions' pass one memory (command-memory.ts): the first attempt leaves out a cancel or
// close already on its way, and a cancel the broker accepted; the later attempts send everything again, since the
// picture still shows it after the wait (the broker's answer to a repeat is how the picture is put right).
import type { FlattenReport } from '../../shared/ipc';
import type { BrokerCommand, CommandResult } from '../broker/types';
import type { Clock } from '../platform/clock';
import { createCommandMemory, type CommandMemory } from './command-memory';

export type AccountExposure = { orders: string[]; positions: { symbol: string; qty: number }[] };

export type FlattenStep = {
  at: number;
  command: BrokerCommand;
  ok: boolean;
  error?: string;
  orderId?: string;
};

export type FlattenRecorder = {
  begin(account: string, reason: string, at: number): number;
  progress(id: number, steps: FlattenStep[]): void;
  finish(id: number, report: FlattenReport, steps: FlattenStep[], at: number): void;
};

export type FlattenDeps = {
  clock: Clock;
  execute(command: BrokerCommand): Promise<CommandResult>;
  /** What the engine holds for the account right now (null: unknown account). */
  exposure(account: string): AccountExposure | null;
  /** Resolves after the next applied event, or after `ms`, whichever comes first. */
  nextChange(ms: number): Promise<void>;
  recorder: FlattenRecorder;
  /** Told once per flatten run, however many callers joined it; `retry` for the runs that keep trying. */
  onFinished?(report: FlattenReport, run: { retry: boolean }): void;
  /** After the attempts fail, the whole flatten is tried again this often until flat (docs/RULES.md section 7). */
  retryEveryMs?: number;
  verifyMs?: number;
  attempts?: number;
};

export type Flattener = {
  flatten(account: string, reason: string): Promise<FlattenReport>;
  readonly running: ReadonlySet<string>;
  /** The memory its commands pass, for the other actions to share (absent: a stand-in without one). */
  readonly commands?: CommandMemory;
  /** Stops the retries (at shutdown; a restart resumes a halted account's flatten itself). */
  stop(): void;
};

const isFlat = (e: AccountExposure) => e.orders.length === 0 && e.positions.length === 0;

export function createFlattener(deps: FlattenDeps): Flattener {
  const commands = createCommandMemory({ clock: deps.clock, execute: (command) => deps.execute(command) });
  const inFlight = new Map<string, Promise<FlattenReport>>();
  const running = new Set<string>();
  const retries = new Map<string, () => void>();

  /** Not flat after every attempt: act-manually was said; keep trying every 10 s until flat. */
  const scheduleRetry = (account: string, reason: string): void => {
    if (retries.has(account)) return;
    const cancel = deps.clock.setTimeout(() => {
      retries.delete(account);
      void start(account, reason, true);
    }, deps.retryEveryMs ?? 10_000);
    retries.set(account, cancel);
  };

  const start = (account: string, reason: string, retry: boolean): Promise<FlattenReport> => {
    const existing = inFlight.get(account);
    if (existing !== undefined) return existing;
    running.add(account);
    const run = flattenOnce(deps, commands, account, reason)
      .then((report) => {
        deps.onFinished?.(report, { retry });
        if (!report.flat && deps.exposure(account) !== null) scheduleRetry(account, reason);
        return report;
      })
      .finally(() => {
        inFlight.delete(account);
        running.delete(account);
      });
    inFlight.set(account, run);
    return run;
  };

  return {
    running,
    commands,
    flatten: (account, reason) => start(account, reason, false),
    stop() {
      for (const cancel of retries.values()) cancel();
      retries.clear();
    },
  };
}

async function flattenOnce(
  deps: FlattenDeps,
  commands: CommandMemory,
  account: string,
  reason: string,
): Promise<FlattenReport> {
  const started = deps.clock.now();
  const id = deps.recorder.begin(account, reason, started);
  const steps: FlattenStep[] = [];
  const send = async (command: BrokerCommand, attempt: number): Promise<void> => {
    if (attempt === 1 && onItsWay(commands, command)) return;
    const result = await commands.send(command);
    steps.push({ at: deps.clock.now(), command, ...result });
    deps.recorder.progress(id, steps);
  };
  const attempts = deps.attempts ?? 5;
  let report: FlattenReport | null = null;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const exposure = deps.exposure(account);
    if (exposure === null) {
      report = failed(account, started, deps.clock.now(), `unknown account ${account}`);
      break;
    }
    if (isFlat(exposure)) break;
    for (const orderId of exposure.orders) await send({ type: 'cancelOrder', account, orderId }, attempt);
    for (const { symbol } of exposure.positions)
      await send({ type: 'closePosition', account, symbol }, attempt);
    if (await waitFlat(deps, account)) break;
    if (attempt < attempts) await sleep(deps.clock, 250 * 2 ** (attempt - 1));
  }
  const finalExposure = deps.exposure(account);
  report ??= summarize(account, started, deps.clock.now(), steps, finalExposure);
  deps.recorder.finish(id, report, steps, deps.clock.now());
  return report;
}

/**
 * What the first attempt leaves to another action: a cancel on its way or accepted (an order, once cancelled, does
 * not come back to work), a close on its way (a position in the symbol now may be a new one).
 */
function onItsWay(commands: CommandMemory, command: BrokerCommand): boolean {
  return command.type === 'cancelOrder' ? commands.pending(command) : commands.onItsWay(command);
}

async function waitFlat(deps: FlattenDeps, account: string): Promise<boolean> {
  const deadline = deps.clock.now() + (deps.verifyMs ?? 3000);
  for (;;) {
    const exposure = deps.exposure(account);
    if (exposure !== null && isFlat(exposure)) return true;
    const left = deadline - deps.clock.now();
    if (left <= 0) return false;
    await deps.nextChange(left);
  }
}

function summarize(
  account: string,
  started: number,
  now: number,
  steps: FlattenStep[],
  exposure: AccountExposure | null,
): FlattenReport {
  const flat = exposure !== null && isFlat(exposure);
  const refused = steps.filter((s) => !s.ok).map((s) => s.error);
  const report: FlattenReport = {
    account,
    flat,
    cancelledOrders: steps.filter((s) => s.ok && s.command.type === 'cancelOrder').length,
    closedPositions: steps.filter((s) => s.ok && s.command.type === 'closePosition').length,
    elapsedMs: now - started,
  };
  if (!flat) {
    const left = exposure?.positions.map((p) => `${p.symbol} ${p.qty}`).join(', ') ?? '';
    report.error = `not flat after flatten (${left || 'orders still working'}): act manually${refused.length > 0 ? `; broker said: ${refused.join('; ')}` : ''}`;
  }
  return report;
}

function failed(account: string, started: number, now: number, error: string): FlattenReport {
  return { account, flat: false, cancelledOrders: 0, closedPositions: 0, elapsedMs: now - started, error };
}

function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
