// The what-if of the Rules screen (shared/ipc/what-if.ts): the edited document is validated as setConfig
// validates it, the account must be one Warden knows, and the run itself goes to main/whatif (a worker thread).
// A core built without what-if runs refuses in words.
import { validateConfig } from '../../../shared/config/schema';
import type { WhatIfRuns } from '../../whatif/runs';
import { forgottenAfter } from '../../whatif/runs';
import type { CommandDeps, Handlers } from './types';
import { knownAccount, Refused } from './refusals';

const NOT_HERE = 'the what-if is not available here';

type WhatIfDeps = Pick<CommandDeps, 'state' | 'whatIf'>;

export function whatIfHandlers(deps: WhatIfDeps): Handlers<'whatIf' | 'whatIfStatus' | 'cancelWhatIf'> {
  const runs = (): WhatIfRuns => {
    if (deps.whatIf === undefined) throw new Refused(NOT_HERE);
    return deps.whatIf;
  };
  return {
    whatIf: (args) => {
      const whatIf = runs();
      knownAccount(deps.state, args.account);
      const result = validateConfig(args.config);
      if (!result.ok) throw new Refused(`the config has errors: ${result.errors.join('; ')}`);
      return whatIf.start({ account: args.account, days: args.days, document: result.config });
    },
    whatIfStatus: (args) => {
      const status = runs().status(args.run);
      if (status === null)
        throw new Refused(`no what-if run ${args.run} (an ended run is forgotten after ${forgottenAfter})`);
      return status;
    },
    cancelWhatIf: (args) => ({ cancelled: runs().cancel(args.run) }),
  };
}
