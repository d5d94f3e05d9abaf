// The trader's broker-side settings: the simulator's demo robot, which accounts Warden guards, and the
// broker credentials (ProjectX, Tradovate) entered in the UI.
import { loginBroker, type BrokerCredentials } from '../../broker/types';
import { tradingState, untilText, type ReadonlyEngineState } from '../../engine';
import type { ParsedCommandArgs } from '../../../shared/ipc';
import type { CommandDeps, Handlers } from './types';
import { Refused } from './refusals';
import { withoutUndefined } from '../../../shared/domain/without-undefined';

type BrokerAccountDeps = Pick<CommandDeps, 'state' | 'broker' | 'accountSelection' | 'secrets' | 'logger'>;

function setDemo({ broker }: BrokerAccountDeps, args: ParsedCommandArgs<'setDemo'>) {
  if (broker.setDemo === undefined) throw new Refused('demo mode is only available on the simulated broker');
  broker.setDemo(args.enabled);
  return { demo: broker.demo ?? args.enabled };
}

/** Refuses unless the trader may choose if `account` is guarded: listed, and not fixed by the environment. */
function refuseUnlessChoosable({ broker, accountSelection }: BrokerAccountDeps, account: string): void {
  const listed = accountSelection.listed();
  if (listed === undefined) throw new Refused(`the ${broker.kind} broker's accounts are always guarded`);
  const found = listed.find((a) => a.id === account);
  if (found === undefined) throw new Refused(`the broker does not list an account ${account}`);
  if (found.fixed)
    throw new Refused(`${account} is excluded by WARDEN_PROJECTX_EXCLUDE: change it there and restart`);
}

/**
 * Leaving an account unguarded loosens every rule on it at once: not while a lock holds (docs/RULES.md 6). `keeps`
 * says what stays as it is (by default: the account guarded).
 */
function refuseUnguardWhileLocked(state: ReadonlyEngineState, id: string, keeps = 'it stays guarded'): void {
  const account = state.accounts.get(id);
  if (account !== undefined && tradingState(account) !== 'active')
    throw new Refused(`${id} is ${tradingState(account)}: ${keeps} until the lock ends`);
  if (account?.settingsLockedUntil != null && account.settingsLockedUntil > state.now)
    throw new Refused(
      `${id}'s settings are locked ${untilText(account.settingsLockedUntil, state.config.session.timezone)}: ${keeps} until then`,
    );
}

/** The trader's own choice changes (the core's guarded set tells the broker); answers the accounts it excludes. */
function setAccountGuarded(deps: BrokerAccountDeps, args: ParsedCommandArgs<'setAccountGuarded'>) {
  const selection = deps.accountSelection;
  refuseUnlessChoosable(deps, args.account);
  if (!args.guarded) refuseUnguardWhileLocked(deps.state, args.account);
  const chosen = new Set(selection.excluded().filter((id) => !selection.fixed(id)));
  if (args.guarded) chosen.delete(args.account);
  else chosen.add(args.account);
  selection.save([...chosen]);
  deps.logger.info('account selection changed', { account: args.account, guarded: args.guarded });
  return { excluded: [...chosen].sort() };
}

/** Keeps the credentials in the secret store; where they are kept, in words. */
async function storeCredentials(deps: BrokerAccountDeps, credentials: BrokerCredentials): Promise<string> {
  if (deps.secrets === undefined) throw new Refused('this Warden has no place to keep credentials');
  try {
    await deps.secrets.write(credentials);
  } catch (error) {
    // The reason is the store's (a path, a missing keychain), never the content.
    deps.logger.error('credentials not stored', { reason: (error as Error).message });
    throw new Refused(`the credentials were not stored: ${(error as Error).message}`);
  }
  return deps.secrets.description;
}

const BROKER_NAMES = { projectx: 'ProjectX', tradovate: 'Tradovate' } as const;

/** Where a login connects, besides its user name: a change of any of these is another login. */
const LOGIN_PLACES = ['apiUrl', 'rtcUrl', 'wsUrl', 'mdUrl', 'environment'] as const;

/**
 * Another login (user name, or a URL or environment it names) would leave a locked account on a broker Warden no
 * longer talks to, as unguarding it would: refused while a guarded account is locked or settings-locked. The same
 * login with a new key is taken (a rotated key must stay fixable). docs/SECURITY.md, F2.
 */
function refuseOtherLoginWhileLocked(deps: BrokerAccountDeps, credentials: BrokerCredentials): void {
  const current = deps.broker.credentialsInfo?.().login ?? null;
  if (current === null) return;
  const given = credentials as Partial<Record<(typeof LOGIN_PLACES)[number], unknown>>;
  const placed = current as Partial<Record<(typeof LOGIN_PLACES)[number], unknown>>;
  const other =
    credentials.userName !== current.userName ||
    LOGIN_PLACES.some((key) => given[key] !== undefined && given[key] !== placed[key]);
  if (!other) return;
  const excluded = new Set(deps.accountSelection.excluded());
  for (const id of deps.state.accounts.keys())
    if (!excluded.has(id))
      refuseUnguardWhileLocked(deps.state, id, 'Warden keeps the login it is guarded through');
}

/** Stores the login for the broker this Warden runs, then the broker reconnects with it. */
async function setCredentials(deps: BrokerAccountDeps, args: ParsedCommandArgs<'setCredentials'>) {
  const { broker } = deps;
  const kind = loginBroker(args);
  if (broker.setCredentials === undefined || broker.credentialsInfo === undefined || broker.kind !== kind)
    throw new Refused(
      `these are ${BROKER_NAMES[kind]} credentials; this Warden runs the ${broker.kind} broker (start it with --broker ${kind})`,
    );
  // The optional fields left out are stored as absent, never as undefined.
  const credentials = withoutUndefined(args) as BrokerCredentials;
  refuseOtherLoginWhileLocked(deps, credentials);
  const keptIn = await storeCredentials(deps, credentials);
  broker.setCredentials(credentials);
  const { login } = broker.credentialsInfo();
  if (login === null) throw new Error('the broker did not take the credentials');
  deps.logger.info('broker credentials stored; reconnecting with them', { ...login, keptIn });
  return { credentials: 'stored' as const, ...login };
}

export function brokerAccountHandlers(
  deps: BrokerAccountDeps,
): Handlers<'setDemo' | 'setAccountGuarded' | 'setCredentials'> {
  return {
    setDemo: (args) => setDemo(deps, args),
    setAccountGuarded: (args) => setAccountGuarded(deps, args),
    setCredentials: (args) => setCredentials(deps, args),
  };
}
