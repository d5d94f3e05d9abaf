// The application core: broker events → journal → engine → decisions, enforcement and alerts → coalesced
// view pushes; commands from the hosts in. The Electron shell and `warden serve` are thin hosts of this. The
// parts are built in wiring.ts, the event pipeline is pipeline.ts, the timers timers.ts; this starts and stops them.
import type { RemoteHost } from './remote-wiring';
import type { EngineConfig } from '../engine';
import type { WardenConfig } from '../../shared/config/schema';
import type { AccountSelectable, BrokerAdapter, CredentialsCapable, DemoCapable } from '../broker/types';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { processYoungCollector, type YoungCollector } from '../platform/young-collector';
import type { SecretStore } from '../platform/secrets';
import type { Store } from '../store';
import { exposedAccounts } from './exposure';
import { resumePointOf } from './resume-point';
import { startTimers } from './timers';
import type { WardenCore } from './types';
import { wireCore, type CoreParts } from './wiring';

export type CoreDeps = {
  broker: BrokerAdapter & Partial<DemoCapable> & Partial<CredentialsCapable> & Partial<AccountSelectable>;
  store: Store;
  /** Where credentials entered in the UI are kept (a broker that logs in needs it to take them). */
  secrets?: SecretStore;
  clock: Clock;
  logger: Logger;
  engineConfig: EngineConfig;
  /** Take a snapshot after this many journaled events (and on a timer, and at stop). */
  snapshotEvery?: number;
  publishIntervalMs?: number;
  /** An equity sample per account this often (default 10 s), for charts and the P&L around a breach. */
  sampleEveryMs?: number;
  /**
   * Accounts the host's environment excludes for good (WARDEN_PROJECTX_EXCLUDE): never guarded, and not
   * changeable in the app. Only for a broker whose accounts can be chosen.
   */
  fixedExcluded?: readonly string[];
  /** Things the user must be told at start (e.g. a damaged database moved aside). */
  startupNotices?: string[];
  /**
   * The config document `engineConfig` came from, and its file: an edited file is taken in at start (or kept
   * out, the user told why), and changes made in the app are written back. Without it, config changes are
   * journaled only.
   */
  configSource?: { document: WardenConfig; file?: string };
  /**
   * The news calendar feed (docs/RULES.md section 12): its URL (null: off, said in the view) and the file of its
   * last good copy. Without it, no feed runs and the view's `calendar` is null.
   */
  news?: { url: string | null; cacheFile: string; fetch?: typeof fetch };
  /** The remote alerts' host settings (WARDEN_TELEGRAM_API, WARDEN_TELEGRAM_TOKEN). */
  remote?: RemoteHost;
  /** Collects V8's young generation between events (default: this process's). */
  youngCollector?: YoungCollector;
};

export async function createCore(deps: CoreDeps): Promise<WardenCore> {
  const core = wireCore(deps);
  announceStart(deps, core);
  await core.news?.start();
  await core.remote.reload();
  const young = deps.youngCollector ?? processYoungCollector(deps.clock);
  const run = (event: Parameters<typeof core.pipeline.run>[0]) => {
    core.pipeline.run(event);
    young.afterEvent();
  };
  await deps.broker.start(run, () => resumePointOf(core.state, deps.store, core.fillsFrom));
  core.enforcement.resume();
  const stopTimers = startTimers({
    clock: deps.clock,
    logger: core.logger,
    tick: (t) => {
      run({ type: 'clock', t });
    },
    journaling: core.journaling,
    recorder: core.recorder,
    ...(deps.sampleEveryMs === undefined ? {} : { sampleEveryMs: deps.sampleEveryMs }),
  });
  core.journaling.compact();
  return {
    command: (name, args) => core.handlers.run(name, args),
    subscribe: (listener) =>
      core.subscribers.subscribe(listener, { type: 'alerts', payload: [...core.alerts.recent] }),
    view: core.view,
    exposedAccounts: () => exposedAccounts(core.state, core.guarded),
    stop: () => stopCore(deps, core, stopTimers),
  };
}

/** What the trader must hear at start: problems the host found, and a config file that was kept out. */
function announceStart(deps: CoreDeps, core: CoreParts): void {
  const { alerts } = core;
  for (const notice of deps.startupNotices ?? [])
    alerts.raise('critical', null, 'Warden started with a problem', notice);
  const refused = deps.configSource === undefined ? [] : core.config.admitFile(deps.configSource.document);
  if (refused.length > 0)
    alerts.raise(
      'critical',
      null,
      'Config file not applied',
      `${refused.join('; ')}. The rules in force stay until the lock ends; restart Warden then, or make the file only tighten.`,
    );
}

/** Once: timers and enforcement stop, the broker closes, a last snapshot is taken and the store closed. */
async function stopCore(deps: CoreDeps, core: CoreParts, stopTimers: () => void): Promise<void> {
  if (core.life.stopped) return;
  core.life.stopped = true;
  core.alerts.tellHeld();
  stopTimers();
  core.journaling.compact.stop();
  await core.whatIf.stop();
  await core.remote.stop();
  await core.news?.stop();
  core.enforcement.stop();
  core.publisher.stop();
  await deps.broker.stop();
  core.journaling.snapshot();
  deps.store.close();
}
