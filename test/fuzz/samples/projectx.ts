// ProjectX frames and REST answers as captured (test/fixtures/projectx-samples.json), to mutate.
import samples from '../../fixtures/projectx-samples.json';

type HubSample = { target: string; arguments: unknown[] };

const all = samples as unknown as Record<string, unknown>;

/** The hub invocations: user events (accounts, orders, positions, trades) and market events (quotes). */
export const hubSamples: HubSample[] = Object.values(all).filter(
  (s): s is HubSample => typeof s === 'object' && s !== null && 'target' in s && 'arguments' in s,
);

/** REST answers by name (restTrades, restPositions, restAccounts, restContract ...). */
export const restSamples: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(all).filter(([name]) => name.startsWith('rest')),
) as Record<string, Record<string, unknown>>;

export const MNQ_CONTRACT = {
  id: 'CON.F.US.MNQ.M26',
  name: 'MNQM6',
  description: 'Micro E-mini Nasdaq-100: June 2026',
  tickSize: 0.25,
  tickValue: 0.5,
  activeContract: true,
  symbolId: 'F.US.MNQ',
};
