// Config changes while Warden runs: a new document is judged (tighten-only where docs/RULES.md section 6 says so),
// journaled as an event so restart and replay apply it at the same point, recorded in the audit trail with what
// it changed, and written back to the config file when it came from the app. At start, an edited file is taken
// in the same way, or kept out (the user told why) when it would loosen a locked account.
import type { WardenConfig } from '../../shared/config/schema';
import type { EngineEvent } from '../../shared/domain/events';
import { engineConfigOf, type ReadonlyEngineState } from '../engine';
import type { Clock } from '../platform/clock';
import { writeConfigFile } from '../platform/config-file';
import type { Store } from '../store';
import { judgeConfigChange, sameConfig, type ConfigVerdict } from './config-changes';

export type ConfigControlDeps = {
  state: ReadonlyEngineState;
  store: Pick<Store, 'riskEvents' | 'meta'>;
  clock: Clock;
  /** Journals and applies an event, like a broker event. */
  applyOwn(event: EngineEvent): void;
  /** The config file the app writes a change back to (none: changes stay in the journal only). */
  file?: string;
};

export type ConfigControl = {
  /** Applies `document` when allowed; the verdict lists what it changed, or why it may not. */
  change(document: WardenConfig, by: 'trader' | 'file'): ConfigVerdict;
  /**
   * At start: the file's document takes effect when it differs from the config in force and may; otherwise
   * the returned reasons are for the user, and the rules in force stay.
   */
  admitFile(document: WardenConfig): string[];
  /** The document in force, when known (the file's at first start, then every change's). */
  inForce(): WardenConfig | null;
};

const IN_FORCE_KEY = 'config.inForce';

export function createConfigControl(deps: ConfigControlDeps): ConfigControl {
  const { state, store, clock } = deps;
  const remember = (document: WardenConfig) => {
    store.meta.set(IN_FORCE_KEY, JSON.stringify(document));
  };
  const inForce = (): WardenConfig | null => {
    const stored = store.meta.get(IN_FORCE_KEY);
    return stored === null ? null : (JSON.parse(stored) as WardenConfig);
  };
  const change = (document: WardenConfig, by: 'trader' | 'file'): ConfigVerdict => {
    const judged = judgeConfigChange(state, document);
    if (!judged.ok) return judged;
    const verdict = {
      ...judged,
      changes: [...judged.changes, ...notifyChanges(inForce()?.notify, document.notify)],
    };
    const t = Math.max(state.now, clock.now());
    deps.applyOwn({ type: 'configChange', t, config: document, by });
    remember(document);
    store.riskEvents.record({
      t,
      account: null,
      kind: 'configChange',
      detail: { by, changes: verdict.changes },
    });
    if (by === 'trader' && deps.file !== undefined) writeConfigFile(deps.file, document, new Date(t));
    return verdict;
  };
  return {
    change,
    admitFile(document) {
      if (!sameConfig(state.config, engineConfigOf(document))) {
        const verdict = change(document, 'file');
        return verdict.ok ? [] : verdict.problems;
      }
      // The same rules: the file's document is the one in force (its notify section, its way of writing them).
      remember(document);
      return [];
    },
    inForce,
  };
}

/** The remote alerts' settings that changed, for the audit ("notify.ntfy: unset → {…}"); never a secret. */
function notifyChanges(before: WardenConfig['notify'], after: WardenConfig['notify']): string[] {
  const shown = (value: unknown) => (value === undefined ? 'unset' : JSON.stringify(value));
  return (['minLevel', 'telegram', 'ntfy', 'webhook'] as const).flatMap((key) => {
    const was = before?.[key];
    const now = after?.[key];
    return JSON.stringify(was) === JSON.stringify(now)
      ? []
      : [`notify.${key}: ${shown(was)} → ${shown(now)}`];
  });
}
