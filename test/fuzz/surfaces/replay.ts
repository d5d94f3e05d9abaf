// Replay lines (`warden replay`): a line never throws; every output line is JSON; a refused line leaves the
// replayer's state as it was (its summary unchanged); equity is balance + unrealized in every summary; and the
// same lines replayed again give the same output.
import fc from 'fast-check';
import { dec } from '../../../shared/domain/money';
import { createReplayer } from '../../../main/replay/replayer';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { mutated } from '../arbitraries/mutate';
import { rawText } from '../arbitraries/raw';
import { fuzzProperty, StateCorruption, type FuzzContext, type Surface } from '../harness/types';
import { replayConfigs, replayEvents, replayLines } from '../samples/replay';

const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...replayLines) },
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...replayEvents)
      .chain((event) => mutated(event))
      .map(jsonText),
  },
  { weight: 1, arbitrary: hostileValue.map(jsonText) },
  { weight: 2, arbitrary: rawText(replayLines) },
);

export const replaySession = fc.record({
  config: fc.nat({ max: replayConfigs.length - 1 }),
  enforce: fc.boolean(),
  lines: fc.array(line, { minLength: 1, maxLength: 25 }),
});

type Session = { config: number; enforce: boolean; lines: string[] };

/** Replays the session, checking each line; returns every output line, for the determinism check. */
export function replayChecked(session: Session): string[] {
  const config = replayConfigs[session.config] ?? replayConfigs[0];
  if (config === undefined) throw new Error('no replay config');
  const replayer = createReplayer(config, { enforce: session.enforce });
  const output: string[] = [];
  session.lines.forEach((text, index) => {
    const before = replayer.finish();
    const { out, error } = replayer.line(text, index + 1);
    for (const written of out) JSON.parse(written);
    if (error !== undefined) {
      if (!error.startsWith(`line ${index + 1}: `))
        throw new Error(`an error that does not name its line: ${error}`);
      if (out.length > 0) throw new StateCorruption(`a refused line wrote output: ${out[0] ?? ''}`);
      const after = replayer.finish();
      if (JSON.stringify(after) !== JSON.stringify(before))
        throw new StateCorruption(`a refused line changed the state: ${error}`);
    }
    output.push(...out, ...(error === undefined ? [] : [error]));
  });
  const summaries = replayer.finish();
  for (const summary of summaries) checkSummary(summary);
  return [...output, ...summaries];
}

function checkSummary(text: string): void {
  const summary = JSON.parse(text) as { account: string; metrics: Record<string, string> };
  const { balance, unrealizedPnl, equity } = summary.metrics;
  if (balance === undefined || unrealizedPnl === undefined || equity === undefined)
    throw new Error(`a summary without balance, unrealized or equity: ${text}`);
  if (!dec(balance).plus(dec(unrealizedPnl)).equals(dec(equity)))
    throw new StateCorruption(
      `${summary.account}: equity ${equity} is not balance ${balance} + unrealized ${unrealizedPnl}`,
    );
}

export const replaySurface: Surface = {
  name: 'replay',
  start(context: FuzzContext) {
    return Promise.resolve({
      properties: [
        fuzzProperty(
          'lines',
          fc.property(replaySession, (session) => {
            context.count(session.lines.length);
            const first = replayChecked(session);
            const second = replayChecked(session);
            if (JSON.stringify(first) !== JSON.stringify(second))
              throw new StateCorruption('the same lines replayed twice gave different output');
          }),
        ),
      ],
      stop: () => Promise.resolve(),
    });
  },
};
