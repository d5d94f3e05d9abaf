// The contract specifications a trader would check against the exchange's: CME tick sizes and values.
import { describe, expect, it } from 'vitest';
import { SIM_INSTRUMENTS, instrumentEvent, pointValue } from '../../../../main/broker/sim';

describe('simulated instruments', () => {
  it.each([
    // symbol, tick size, tick value, point value, fee per side, weight, name
    ['ES', '0.25', '12.5', '50', '1.4', '1', 'E-mini S&P 500'],
    ['NQ', '0.25', '5', '20', '1.4', '1', 'E-mini Nasdaq-100'],
    ['MES', '0.25', '1.25', '5', '0.37', '0.1', 'Micro E-mini S&P 500'],
    ['MNQ', '0.25', '0.5', '2', '0.37', '0.1', 'Micro E-mini Nasdaq-100'],
    ['YM', '1', '5', '5', '1.4', '1', 'E-mini Dow ($5)'],
    ['MYM', '1', '0.5', '0.5', '0.37', '0.1', 'Micro E-mini Dow'],
    ['RTY', '0.1', '5', '50', '1.4', '1', 'E-mini Russell 2000'],
    ['M2K', '0.1', '0.5', '5', '0.37', '0.1', 'Micro E-mini Russell 2000'],
    ['CL', '0.01', '10', '1000', '1.52', '1', 'Crude Oil'],
    ['MCL', '0.01', '1', '100', '0.52', '0.1', 'Micro WTI Crude Oil'],
    ['GC', '0.1', '10', '100', '1.62', '1', 'Gold'],
    ['MGC', '0.1', '1', '10', '0.52', '0.1', 'Micro Gold'],
  ])(
    '%s: tick %s worth %s, point %s, fee %s a side, weight %s',
    (symbol, tick, value, point, fee, weight, name) => {
      const instrument = SIM_INSTRUMENTS.find((i) => i.symbol === symbol);
      expect(instrument).toBeDefined();
      if (instrument === undefined) return;
      expect([
        instrument.tickSize.toFixed(),
        instrument.tickValue.toFixed(),
        pointValue(instrument).toFixed(),
        instrument.feePerSide.toFixed(),
        instrument.weight.toFixed(),
        instrument.name,
        instrument.currency,
      ]).toEqual([tick, value, point, fee, weight, name, 'USD']);
      expect(instrument.startPrice.mod(instrument.tickSize).isZero()).toBe(true);
      expect(instrument.marginPerContract.greaterThan(0)).toBe(true);
    },
  );

  it('lists each symbol once and reports them as instrument events', () => {
    const symbols = SIM_INSTRUMENTS.map((i) => i.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    const es = SIM_INSTRUMENTS.find((i) => i.symbol === 'ES');
    if (es === undefined) throw new Error('no ES');
    expect(JSON.parse(JSON.stringify(instrumentEvent(es, 5)))).toEqual({
      type: 'instrument',
      t: 5,
      symbol: 'ES',
      tickSize: '0.25',
      tickValue: '12.5',
      currency: 'USD',
      name: 'E-mini S&P 500',
      marginPerContract: '500',
      weight: '1',
      underlying: 'ES',
    });
  });

  it('a micro trades the market of its mini: MNQ and NQ share NQ, MES and ES share ES', () => {
    const underlying = Object.fromEntries(
      SIM_INSTRUMENTS.map((i) => [i.symbol, instrumentEvent(i, 0).underlying]),
    );
    expect(underlying).toEqual({
      ES: 'ES',
      NQ: 'NQ',
      YM: 'YM',
      RTY: 'RTY',
      CL: 'CL',
      GC: 'GC',
      MES: 'ES',
      MNQ: 'NQ',
      MYM: 'YM',
      M2K: 'RTY',
      MCL: 'CL',
      MGC: 'GC',
    });
  });
});
