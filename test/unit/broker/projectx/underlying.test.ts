// A ProjectX contract's underlying (docs/RULES.md section 10): micros and full sizes share one, read from the
// contract's symbolId or id, ProjectX's own roots (EP, ENQ, CLE, GCE) mapped to the exchange's, and carried by
// the instrument event through the codec into the engine's instrument and its snapshot.
import { describe, expect, it } from 'vitest';
import { encodeEngineEvent, parseEngineEvent } from '../../../../shared/domain/event-codec';
import { instrumentEvent } from '../../../../main/broker/projectx/book';
import { contractSchema, parseEntity } from '../../../../main/broker/projectx/parse';
import { contractRoot, contractUnderlying } from '../../../../main/broker/projectx/underlying';
import {
  apply,
  createEngineState,
  defaultEngineConfig,
  deserializeState,
  serializeState,
} from '../../../../main/engine';
import samples from '../../../fixtures/projectx-samples.json';

const NOW = Date.parse('2026-03-19T15:00:00Z');

describe('the underlying of a ProjectX contract', () => {
  it.each([
    // contract id, symbolId, underlying
    ['CON.F.US.MNQ.U25', 'F.US.MNQ', 'NQ'],
    ['CON.F.US.ENQ.U25', 'F.US.ENQ', 'NQ'],
    ['CON.F.US.MES.M26', 'F.US.MES', 'ES'],
    ['CON.F.US.EP.M26', 'F.US.EP', 'ES'],
    ['CON.F.US.MYM.M26', 'F.US.MYM', 'YM'],
    ['CON.F.US.YM.M26', 'F.US.YM', 'YM'],
    ['CON.F.US.M2K.M26', 'F.US.M2K', 'RTY'],
    ['CON.F.US.RTY.M26', 'F.US.RTY', 'RTY'],
    ['CON.F.US.MGC.Z25', 'F.US.MGC', 'GC'],
    ['CON.F.US.GCE.Z25', 'F.US.GCE', 'GC'],
    ['CON.F.US.MCLE.K26', 'F.US.MCLE', 'CL'],
    ['CON.F.US.CLE.K26', 'F.US.CLE', 'CL'],
    ['CON.F.US.ZN.M26', 'F.US.ZN', 'ZN'],
  ])('%s (%s) trades %s', (id, symbolId, underlying) => {
    expect(contractUnderlying({ id, symbolId })).toBe(underlying);
    expect(contractUnderlying({ id, symbolId: null })).toBe(underlying);
  });

  it('reads the root from symbolId first, else from the contract id; an id of another shape has none', () => {
    expect(contractRoot({ id: 'CON.F.US.MNQ.M26', symbolId: 'F.US.MNQ' })).toBe('MNQ');
    expect(contractRoot({ id: 'CON.F.US.MNQ.M26' })).toBe('MNQ');
    expect(contractRoot({ id: 'SOMETHING-ELSE', symbolId: 'F.US.EP' })).toBe('EP');
    expect(contractRoot({ id: 'SOMETHING-ELSE', symbolId: null })).toBeUndefined();
    expect(contractUnderlying({ id: 'SOMETHING-ELSE' })).toBeUndefined();
  });

  it('the instrument event carries it: MNQ from the current answer, ES ("EP") from the legacy one', () => {
    const mnq = parseEntity(contractSchema, samples.restContract.contract);
    const es = parseEntity(contractSchema, samples.restContractsLegacy.contracts[0]);
    if (!mnq.ok || !es.ok) throw new Error('the sample contracts do not parse');
    expect(instrumentEvent(mnq.value, NOW)).toMatchObject({ symbol: 'CON.F.US.MNQ.M26', underlying: 'NQ' });
    expect(instrumentEvent(es.value, NOW)).toMatchObject({ symbol: 'CON.F.US.EP.M26', underlying: 'ES' });
    const odd = { ...mnq.value, id: 'ODD', symbolId: null };
    expect('underlying' in instrumentEvent(odd, NOW)).toBe(false);
  });
});

describe('underlying through the codec and the engine', () => {
  const line = {
    type: 'instrument',
    t: NOW,
    symbol: 'CON.F.US.MNQ.M26',
    tickSize: '0.25',
    tickValue: '0.5',
    currency: 'USD',
    underlying: 'NQ',
  };

  it('the codec reads and writes it, and refuses an empty one', () => {
    const parsed = parseEngineEvent(line);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(encodeEngineEvent(parsed.event)).toMatchObject({ underlying: 'NQ' });
    expect(parseEngineEvent({ ...line, underlying: '' }).ok).toBe(false);
  });

  it('the engine keeps it on the instrument (else the symbol), and a snapshot keeps it', () => {
    const state = createEngineState(defaultEngineConfig);
    const parsed = parseEngineEvent(line);
    const bare = parseEngineEvent({ ...line, symbol: 'ZN', underlying: undefined });
    if (!parsed.ok || !bare.ok) throw new Error('the lines do not parse');
    apply(state, parsed.event);
    apply(state, bare.event);
    expect(state.instruments.get('CON.F.US.MNQ.M26')?.underlying).toBe('NQ');
    expect(state.instruments.get('ZN')?.underlying).toBe('ZN');
    const restored = deserializeState(serializeState(state), defaultEngineConfig);
    expect(restored.instruments.get('CON.F.US.MNQ.M26')?.underlying).toBe('NQ');
  });

  it('a snapshot taken before instruments had an underlying restores them with their symbol', () => {
    const state = createEngineState(defaultEngineConfig);
    const parsed = parseEngineEvent(line);
    if (!parsed.ok) throw new Error(parsed.error);
    apply(state, parsed.event);
    const old = JSON.parse(serializeState(state)) as {
      state: { instruments: { $map: [string, Record<string, unknown>][] } };
    };
    for (const [, instrument] of old.state.instruments.$map) delete instrument['underlying'];
    const restored = deserializeState(JSON.stringify(old), defaultEngineConfig);
    expect(restored.instruments.get('CON.F.US.MNQ.M26')?.underlying).toBe('CON.F.US.MNQ.M26');
  });
});
