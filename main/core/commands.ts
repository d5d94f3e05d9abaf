// The commands a host may send (shared/ipc contract): each is validated, run, and answered; never throws.
import { dec, formatMoney, type Dec } from '../../shared/domain/money';
import {
  parseCommand,
  type CommandName,
  type CommandResponse,
  type CommandResults,
  type ParsedCommandArgs,
  type StateView,
} from '../../shared/ipc';
import type { EngineEvent } from '../../shared/domain/events';
import type { HistoryView } from '../../shared/ipc';
import { increasesPosition, strictestLock, tradingState, untilText, type EngineState } from '../engine';
import type {
  AccountSelectable,
  BrokerAdapter,
  CommandResult,
  CredentialsCapable,
  DemoCapable,
} from '../broker/types';
import type { AccountSelection } from './account-selection';
import type { CircuitBreaker } from '../enforce/circuit-breaker';
import type { Flattener } from '../enforce/flatten';
import { validateConfig } from '../../shared/config/schema';
import type { ConfigControl } from './config-control';
import { judgeConfigChange } from './config-changes';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../platform/secrets';

export type CommandDeps = {
  /** The history screens' view (read-only, from the store). */
  history: (query: { account?: string | undefined; days: number }) => HistoryView;
  state: EngineState;
  broker: BrokerAdapter & Partial<DemoCapable> & Partial<CredentialsCapable> & Partial<AccountSelectable>;
  accountSelection: AccountSelection;
  /** Where credentials entered in the UI are kept. */
  secrets?: SecretStore;
  flattener: Flattener;
  /** A trader's flatten is always tried: it turns an open breaker half open. */
  breaker: Pick<CircuitBreaker, 'probe'>;
  config: ConfigControl;
  logger: Logger;
  afterCommand(): void;
  /** Journals and applies an event the trader caused (a self-lock), like a broker event. */
  applyOwn(event: EngineEvent): void;
  view(): StateView;
};

type Handlers = { [N in CommandName]: (args: ParsedCommandArgs<N>) => Promise<CommandResults[N]> };

/** A refusal the user should read as is (not logged as a fault). */
class Refused extends Error {}

export function createCommandHandlers(deps: CommandDeps) {
  const handlers = buildHandlers(deps);
  return {
    async run<N extends CommandName>(name: N, rawArgs: unknown): Promise<CommandResponse<N>> {
      if (!Object.hasOwn(handlers, name)) return { ok: false, error: `unknown command ${name}` };
      const parsed = parseCommand(name, rawArgs);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      try {
        const handler = handlers[name] as (args: ParsedCommandArgs<N>) => Promise<CommandResults[N]>;
        const result = await handler(parsed.args);
        return { ok: true, result };
      } catch (error) {
        if (!(error instanceof Refused))
          deps.logger.error('command failed', { name, reason: (error as Error).message });
        return { ok: false, error: (error as Error).message };
      } finally {
        deps.afterCommand();
      }
    },
  };
}

function knownAccount(state: EngineState, id: string): void {
  if (!state.accounts.has(id)) throw new Refused(`unknown account ${id}`);
}

/** Halted: no new orders. Reducing: only orders that make |position| smaller (RULES.md section 4). */
function refuseWhileLocked(
  state: EngineState,
  accountId: string,
  symbol: string,
  side: 'buy' | 'sell',
): void {
  const account = state.accounts.get(accountId);
  const lock = account === undefined ? null : strictestLock(account);
  if (account === undefined || lock === null) return;
  const held = account.positions.get(symbol)?.qty ?? 0;
  if (lock.state === 'reducing' && !increasesPosition(held, side)) return;
  throw new Refused(
    `${accountId} is ${lock.state === 'halted' ? 'halted' : 'reducing only'} ${untilText(lock.until)} (${lock.rule}: ${lock.reason})`,
  );
}

function brokerAnswer(result: CommandResult): CommandResult & { ok: true } {
  if (!result.ok) throw new Refused(result.error);
  return result;
}

function buildHandlers(deps: CommandDeps): Handlers {
  const { state, broker } = deps;
  /** `{ [key]: price }` when the price was given, `{}` when not (the command's optional prices). */
  const price = <K extends string>(key: K, value: string | undefined) =>
    (value === undefined ? {} : { [key]: dec(value) }) as Partial<Record<K, Dec>>;
  return {
    async placeOrder(args) {
      if (broker.kind !== 'sim')
        throw new Refused('placing orders is only available on the simulated broker');
      knownAccount(state, args.account);
      if (!state.instruments.has(args.symbol)) throw new Refused(`unknown symbol ${args.symbol}`);
      refuseWhileLocked(state, args.account, args.symbol, args.side);
      const answer = brokerAnswer(
        await broker.execute({
          type: 'placeOrder',
          account: args.account,
          symbol: args.symbol,
          side: args.side,
          qty: args.qty,
          kind: args.kind,
          ...price('limitPrice', args.limitPrice),
          ...price('stopPrice', args.stopPrice),
          ...price('stopLossPrice', args.stopLoss),
          ...price('takeProfitPrice', args.takeProfit),
        }),
      );
      return { orderId: answer.orderId ?? null };
    },
    async cancelOrder(args) {
      knownAccount(state, args.account);
      brokerAnswer(
        await broker.execute({ type: 'cancelOrder', account: args.account, orderId: args.orderId }),
      );
      return {};
    },
    async closePosition(args) {
      knownAccount(state, args.account);
      const command = { type: 'closePosition' as const, account: args.account, symbol: args.symbol };
      brokerAnswer(await broker.execute(args.qty === undefined ? command : { ...command, qty: args.qty }));
      return {};
    },
    async flatten(args) {
      // "All" is every guarded account: an excluded one is the trader's own business.
      const ids =
        'all' in args
          ? [...state.accounts.keys()].filter((id) => broker.isGuarded?.(id) ?? true)
          : [args.account];
      if (!('all' in args)) knownAccount(state, args.account);
      for (const id of ids) deps.breaker.probe(id, 'the trader asked to flatten');
      const reports = await Promise.all(ids.map((id) => deps.flattener.flatten(id, 'user: flatten')));
      return { reports };
    },
    async lock(args) {
      knownAccount(state, args.account);
      deps.applyOwn({ type: 'selfLock', t: state.now, account: args.account, until: args.until });
      const lock = state.accounts.get(args.account)?.locks.find((l) => l.rule === 'selfLock');
      if (lock === undefined || typeof lock.until !== 'number') throw new Error('the lock was not set');
      return Promise.resolve({ lockedUntil: new Date(lock.until).toISOString() });
    },
    async resetLock(args) {
      knownAccount(state, args.account);
      const manual = () =>
        state.accounts.get(args.account)?.locks.filter((l) => l.until === 'manual').length ?? 0;
      const before = manual();
      // Applied (and so audited) even when nothing is lifted: the audit shows what the trader asked for.
      deps.applyOwn({ type: 'lockReset', t: state.now, account: args.account });
      return Promise.resolve({ lifted: before - manual() });
    },
    async confirmDayStart(args) {
      knownAccount(state, args.account);
      const account = state.accounts.get(args.account);
      const proposed = account?.day.startEquity;
      if (
        account === undefined ||
        proposed === undefined ||
        !account.locks.some((l) => l.until === 'confirmed')
      )
        throw new Refused(`${args.account} has no day start waiting to be confirmed`);
      const startEquity = dec(args.startEquity);
      const note = startEquity.equals(proposed)
        ? `the trader confirmed today's start: ${formatMoney(startEquity)}`
        : `the trader set today's start to ${formatMoney(startEquity)} (Warden's estimate was ${formatMoney(proposed)})`;
      const event = {
        type: 'dayStart',
        t: state.now,
        account: args.account,
        startEquity,
        source: 'confirmed',
        note,
      } as const;
      deps.applyOwn(event);
      return Promise.resolve({ startEquity: startEquity.toFixed() });
    },
    async setDemo(args) {
      if (broker.setDemo === undefined)
        throw new Refused('demo mode is only available on the simulated broker');
      broker.setDemo(args.enabled);
      return Promise.resolve({ demo: broker.demo ?? args.enabled });
    },
    async getState() {
      return Promise.resolve(deps.view());
    },
    async setConfig(args) {
      const result = validateConfig(args.config);
      if (!result.ok) throw new Refused(`the config has errors: ${result.errors.join('; ')}`);
      if (JSON.stringify(result.config.session) !== JSON.stringify(state.config.session))
        throw new Refused(
          'the session (time zone, day start, week start) cannot change while Warden runs: edit the config file and restart',
        );
      const verdict = deps.config.change(result.config, 'trader');
      if (!verdict.ok) throw new Refused(verdict.problems.join('; '));
      return Promise.resolve({ changes: verdict.changes });
    },
    async previewConfig(args) {
      const result = validateConfig(args.config);
      if (!result.ok)
        return Promise.resolve({ valid: false, errors: result.errors, changes: [], problems: [] });
      const problems: string[] = [];
      if (JSON.stringify(result.config.session) !== JSON.stringify(state.config.session))
        problems.push('the session (time zone, day start, week start) cannot change while Warden runs');
      const verdict = judgeConfigChange(state, result.config);
      if (verdict.ok) return Promise.resolve({ valid: true, errors: [], changes: verdict.changes, problems });
      return Promise.resolve({
        valid: true,
        errors: [],
        changes: [],
        problems: [...problems, ...verdict.problems],
      });
    },
    async lockSettings(args) {
      knownAccount(state, args.account);
      deps.applyOwn({ type: 'settingsLock', t: state.now, account: args.account });
      const until = state.accounts.get(args.account)?.settingsLockedUntil ?? null;
      if (until === null) throw new Error('the settings were not locked');
      return Promise.resolve({ lockedUntil: new Date(until).toISOString() });
    },
    async getConfig() {
      return Promise.resolve({ config: deps.config.inForce() });
    },
    async getHistory(args) {
      return Promise.resolve(deps.history(args));
    },
    async setAccountGuarded(args) {
      if (broker.setExcluded === undefined || broker.accountsListed === undefined)
        throw new Refused(`the ${broker.kind} broker's accounts are always guarded`);
      const listed = broker.accountsListed().find((a) => a.id === args.account);
      if (listed === undefined) throw new Refused(`the broker does not list an account ${args.account}`);
      if (listed.fixed)
        throw new Refused(
          `${args.account} is excluded by WARDEN_PROJECTX_EXCLUDE: change it there and restart`,
        );
      const excluded = new Set(deps.accountSelection.excluded());
      if (!args.guarded) {
        // Leaving an account unguarded loosens every rule on it at once: not while a lock holds (RULES.md 6).
        const account = state.accounts.get(args.account);
        if (account !== undefined && tradingState(account) !== 'active')
          throw new Refused(
            `${args.account} is ${tradingState(account)}: it stays guarded until the lock ends`,
          );
        if (account?.settingsLockedUntil != null && account.settingsLockedUntil > state.now)
          throw new Refused(
            `${args.account}'s settings are locked ${untilText(account.settingsLockedUntil)}: it stays guarded until then`,
          );
        excluded.add(args.account);
      } else excluded.delete(args.account);
      deps.accountSelection.save([...excluded]);
      broker.setExcluded(excluded);
      deps.logger.info('account selection changed', { account: args.account, guarded: args.guarded });
      return Promise.resolve({ excluded: [...excluded].sort() });
    },
    async setCredentials(args) {
      if (broker.setCredentials === undefined || broker.credentialsInfo === undefined)
        throw new Refused(
          `credentials are for the ProjectX broker; this Warden runs the ${broker.kind} broker (start it with --broker projectx)`,
        );
      if (deps.secrets === undefined) throw new Refused('this Warden has no place to keep credentials');
      const credentials = {
        userName: args.userName,
        apiKey: args.apiKey,
        ...(args.apiUrl === undefined ? {} : { apiUrl: args.apiUrl }),
        ...(args.rtcUrl === undefined ? {} : { rtcUrl: args.rtcUrl }),
      };
      try {
        await deps.secrets.write(credentials);
      } catch (error) {
        // The reason is the store's (a path, a missing keychain), never the content.
        deps.logger.error('credentials not stored', { reason: (error as Error).message });
        throw new Refused(`the credentials were not stored: ${(error as Error).message}`);
      }
      broker.setCredentials(credentials);
      const info = broker.credentialsInfo();
      deps.logger.info('broker credentials stored; reconnecting with them', {
        userName: args.userName,
        apiUrl: info.apiUrl,
        rtcUrl: info.rtcUrl,
        keptIn: deps.secrets.description,
      });
      return Promise.resolve({
        credentials: 'stored' as const,
        userName: args.userName,
        apiUrl: info.apiUrl,
        rtcUrl: info.rtcUrl,
      });
    },
  };
}
