// What the broker adapters hand the engine must be what the engine's own journal reader accepts: an event the
// codec would refuse at the next start (NaN money, a zero quantity, a time with no calendar day) corrupts the
// journal even if it is applied today.
import { encodeEngineEvent, parseEngineEvent } from '../../../shared/domain/event-codec';
import type { BrokerEvent } from '../../../shared/domain/events';
import { StateCorruption } from '../harness/types';

export function checkEmitted(events: readonly BrokerEvent[], source: string): void {
  for (const event of events) {
    const stored = JSON.parse(JSON.stringify(encodeEngineEvent(event))) as unknown;
    const back = parseEngineEvent(stored);
    if (!back.ok)
      throw new StateCorruption(
        `${source} emitted an event the journal cannot read back (${back.error}): ${JSON.stringify(stored).slice(0, 300)}`,
      );
  }
}
