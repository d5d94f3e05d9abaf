// The trader's config commands: read the config in force, preview a change, apply one (never the session,
// which only a restart may change).
import { validateConfig, type WardenConfig } from '../../../shared/config/schema';
import type { ParsedCommandArgs } from '../../../shared/ipc';
import type { ReadonlyEngineState } from '../../engine';
import { diffConfigChange, judgeConfigChange } from '../config-changes';
import type { CommandDeps, Handlers } from './types';
import { Refused } from './refusals';

type ConfigDeps = Pick<CommandDeps, 'state' | 'config'>;

const SESSION_FIXED = 'the session (time zone, day start, week start) cannot change while Warden runs';

function sessionChanged(state: ReadonlyEngineState, config: WardenConfig): boolean {
  return JSON.stringify(config.session) !== JSON.stringify(state.config.session);
}

function setConfig({ state, config }: ConfigDeps, args: ParsedCommandArgs<'setConfig'>) {
  const result = validateConfig(args.config);
  if (!result.ok) throw new Refused(`the config has errors: ${result.errors.join('; ')}`);
  if (sessionChanged(state, result.config))
    throw new Refused(`${SESSION_FIXED}: edit the config file and restart`);
  const verdict = config.change(result.config, 'trader');
  if (!verdict.ok) throw new Refused(verdict.problems.join('; '));
  return { changes: verdict.changes };
}

function previewConfig({ state }: ConfigDeps, args: ParsedCommandArgs<'previewConfig'>) {
  const result = validateConfig(args.config);
  if (!result.ok) return { valid: false, errors: result.errors, changes: [], problems: [], diff: [] };
  const problems = sessionChanged(state, result.config) ? [SESSION_FIXED] : [];
  const verdict = judgeConfigChange(state, result.config);
  const diff = diffConfigChange(state, result.config);
  if (verdict.ok) return { valid: true, errors: [], changes: verdict.changes, problems, diff };
  return { valid: true, errors: [], changes: [], problems: [...problems, ...verdict.problems], diff };
}

export function configHandlers(deps: ConfigDeps): Handlers<'getConfig' | 'setConfig' | 'previewConfig'> {
  return {
    getConfig: () => ({ config: deps.config.inForce() }),
    setConfig: (args) => setConfig(deps, args),
    previewConfig: (args) => previewConfig(deps, args),
  };
}
