// The what-if of the Rules screen (shared/ipc/what-if.ts): not built yet; refused in words until it is.
import type { Handlers } from './types';
import { Refused } from './refusals';

const NOT_YET = 'the what-if is not available in this version yet';

export function whatIfHandlers(): Handlers<'whatIf' | 'whatIfStatus' | 'cancelWhatIf'> {
  return {
    whatIf: () => {
      throw new Refused(NOT_YET);
    },
    whatIfStatus: () => {
      throw new Refused(NOT_YET);
    },
    cancelWhatIf: () => {
      throw new Refused(NOT_YET);
    },
  };
}
