// How far equity is above a floor (the trailing threshold), exactly; null when either figure is missing.
import { dec } from '../../../../shared/domain/money';

export function roomAbove(equity: string | undefined, floor: string | null): string | null {
  if (equity === undefined || floor === null) return null;
  try {
    return dec(equity).minus(dec(floor)).toFixed();
  } catch {
    return null;
  }
}
