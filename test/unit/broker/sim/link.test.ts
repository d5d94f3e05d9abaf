// The simulated broker's link to the app, dropped and restored (the soak's chaos): nothing gets through while it is
// down and the app's commands are refused, the broker goes on, and the link's return reconciles what was missed;
// the tap hears everything; the ledger is the broker's own book.
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { createSimBroker } from '../../../../main/broker/sim';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';
import { ACCOUNT, order, START_MS, tempStateFile } from './sim-harness';

async function linkedSim() {
  const clock = createManualClock(START_MS);
  const tapped: { event: BrokerEvent; delivered: boolean }[] = [];
  const broker = createSimBroker({
    stateFile: tempStateFile(),
    clock,
    logger: memoryLogger(),
    seed: 7,
    tap: (event, delivered) => tapped.push({ event, delivered }),
  });
  const events: BrokerEvent[] = [];
  let lastFillAt: number | null = null;
  await broker.start(
    (event) => {
      events.push(event);
      if (event.type === 'fill') lastFillAt = event.t;
    },
    () => ({ lastFillAt, held: [] }),
  );
  return { broker, clock, events, tapped };
}

describe('the simulated broker link', () => {
  it('drops: reconnecting is told, then nothing gets through and commands are refused; the broker goes on', async () => {
    const { broker, clock, events, tapped } = await linkedSim();
    expect(broker.dropLink('cable pulled')).toBe(true);
    expect(broker.dropLink('again')).toBe(false);
    expect(events.at(-1)).toMatchObject({
      type: 'connection',
      status: 'reconnecting',
      detail: 'reconnecting: cable pulled',
    });
    const before = events.length;
    clock.advance(2000);
    broker.setPrice('MES', '6001.00');
    expect(events.length).toBe(before);
    expect(tapped.at(-1)).toMatchObject({ event: { type: 'quote', symbol: 'MES' }, delivered: false });
    const refused = await broker.execute(order({ symbol: 'MES', side: 'buy', qty: 1, kind: 'market' }));
    expect(refused).toEqual({ ok: false, error: 'not connected: the link to the simulated broker is down' });
    expect(broker.ledger()?.positions).toEqual([]);
    await broker.stop();
  });

  it('restores: what the broker did meanwhile comes with the snapshot, then connected; the ledger agrees', async () => {
    const { broker, events } = await linkedSim();
    await broker.execute(order({ symbol: 'MES', side: 'buy', qty: 2, kind: 'market' }));
    broker.dropLink('cable pulled');
    // The market moves on while the app cannot hear.
    broker.setPrice('MES', '6010.00');
    expect(broker.restoreLink()).toBe(true);
    expect(broker.restoreLink()).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'connection', status: 'connected' });
    const snapshot = events.slice(
      events.findLastIndex((e) => e.type === 'connection' && e.status !== 'connected'),
    );
    expect(snapshot.some((e) => e.type === 'position' && e.symbol === 'MES' && e.qty === 2)).toBe(true);
    const ledger = broker.ledger();
    expect(ledger?.positions.map((p) => [p.account, p.symbol, p.qty])).toEqual([[ACCOUNT, 'MES', 2]]);
    expect(ledger?.accounts.map((a) => [a.id, a.balance.toFixed()])).toEqual([[ACCOUNT, '49999.26']]);
    const commanded = await broker.execute({ type: 'closePosition', account: ACCOUNT, symbol: 'MES' });
    expect(commanded.ok).toBe(true);
    await broker.stop();
  });

  it('replays the fills booked while it was down', async () => {
    const { broker, clock, events, tapped } = await linkedSim();
    await broker.execute(
      order({ symbol: 'MES', side: 'buy', qty: 1, kind: 'market', stopLossPrice: '5990.00' }),
    );
    broker.dropLink('cable pulled');
    clock.advance(1000);
    broker.setPrice('MES', '5980.00');
    const missed = tapped.filter((t) => t.event.type === 'fill' && !t.delivered).map((t) => t.event);
    expect(missed).toHaveLength(1);
    broker.restoreLink();
    const fills = events.filter((e): e is Extract<BrokerEvent, { type: 'fill' }> => e.type === 'fill');
    expect(fills.map((f) => f.id)).toContain((missed[0] as Extract<BrokerEvent, { type: 'fill' }>).id);
    expect(broker.ledger()?.positions).toEqual([]);
    await broker.stop();
  });
});
