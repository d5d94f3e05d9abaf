// Requests and pushes over the Tradovate socket against a real `ws` server: answers matched by id in any order,
// a request that times out on the clock, a refusal in the server's words, a penalty ticket waited out and the same
// body sent again with the ticket (exact texts seen by the server), captcha, 429, and pushes in arrival order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CAPTCHA_CLOSED } from '../../../../../main/broker/tradovate/penalty';
import { barrier, connectToMinimalServer, logged, socketOf, stopAll } from './connected-socket';

afterEach(stopAll);

describe('requests over a Tradovate socket', () => {
  it('matches answers to requests by id when they arrive out of order', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const orders = socket.request('order/list');
    const contract = socket.request('contract/item', { id: 3570918 });
    expect((await connected.server.waitForRequests(3)).slice(1)).toEqual([
      'order/list\n1\n\n',
      'contract/item\n2\nid=3570918\n',
    ]);
    connected.server.answer(2, 200, { id: 3570918, name: 'MNQZ6' });
    connected.server.answer(1, 200, [{ id: 11, ordStatus: 'Working' }]);
    expect(await contract).toEqual({ kind: 'ok', payload: { id: 3570918, name: 'MNQZ6' } });
    expect(await orders).toEqual({ kind: 'ok', payload: [{ id: 11, ordStatus: 'Working' }] });
  });

  it('times out on the clock, naming the endpoint; a late answer is dropped', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    let outcome: unknown = null;
    void socket.request('order/list', undefined, undefined, { timeoutMs: 4_000 }).then((value) => {
      outcome = value;
    });
    await connected.server.waitForRequests(2);
    connected.clock.advance(3_999);
    await new Promise((resolve) => setImmediate(resolve));
    expect(outcome).toBeNull();
    connected.clock.advance(1);
    await vi.waitFor(() => {
      expect(outcome).toEqual({ kind: 'timeout', error: 'order/list: no answer in 4000 ms' });
    });
    connected.server.answer(1, 200, []);
    await logged(connected, 'answer for no request waiting');
  });

  it('tells a refusal with its status and the server’s error text', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const missing = socket.request('contract/item', { id: 1 });
    const denied = socket.request('order/cancelorder', undefined, { orderId: 5, isAutomated: true });
    const bare = socket.request('account/list');
    await connected.server.waitForRequests(4);
    connected.server.answer(1, 404, { errorText: 'Contract not found' });
    connected.server.answer(2, 403, 'Access is denied');
    connected.server.answer(3, 500);
    expect(await missing).toEqual({
      kind: 'refused',
      status: 404,
      error: 'contract/item refused (404): Contract not found',
    });
    expect(await denied).toEqual({
      kind: 'refused',
      status: 403,
      error: 'order/cancelorder refused (403): Access is denied',
    });
    expect(await bare).toEqual({ kind: 'refused', status: 500, error: 'account/list refused (500)' });
  });

  it('waits out a penalty ticket on the clock, then sends the same body again with the ticket', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const body = { accountId: 7, contractId: 3570918, admin: false, isAutomated: true };
    const liquidated = socket.request('order/liquidateposition', undefined, body);
    await connected.server.waitForRequests(2);
    connected.server.answer(1, 200, { 'p-ticket': 't1', 'p-time': 3 });
    await logged(connected, 'penalty ticket: waiting before sending again');
    connected.clock.advance(2_999);
    await barrier(connected); // nothing sent again before 3 s
    connected.clock.advance(1);
    const requests = await connected.server.waitForRequests(4);
    expect(requests).toEqual([
      'authorize\n0\n\neyJ.access.token',
      'order/liquidateposition\n1\n\n{"accountId":7,"contractId":3570918,"admin":false,"isAutomated":true}',
      'barrier\n2\n\n',
      'order/liquidateposition\n3\n\n{"accountId":7,"contractId":3570918,"admin":false,"isAutomated":true,"p-ticket":"t1"}',
    ]);
    connected.server.answer(3, 200, { orderId: 99 });
    expect(await liquidated).toEqual({ kind: 'ok', payload: { orderId: 99 } });
  });

  it('resends a bounded number of times, then says to back off', async () => {
    const connected = await connectToMinimalServer({}, { maxPenaltyResends: 1 });
    const socket = socketOf(connected);
    const listed = socket.request('fill/list');
    await connected.server.waitForRequests(2);
    connected.server.answer(1, 200, { 'p-ticket': 't1', 'p-time': 1 });
    await logged(connected, 'penalty ticket: waiting before sending again');
    connected.clock.advance(1_000);
    expect((await connected.server.waitForRequests(3))[2]).toBe('fill/list\n2\n\n{"p-ticket":"t1"}');
    connected.server.answer(2, 200, { 'p-ticket': 't2', 'p-time': 1 });
    expect(await listed).toEqual({
      kind: 'rate-limited',
      error: 'fill/list: still penalised by Tradovate after 1 resends; back off',
    });
  });

  it('stops at a captcha: the API is closed, nothing is sent again', async () => {
    // The link is kept from going silent for the hour the captcha lasts: only the absence of a resend is at stake.
    const connected = await connectToMinimalServer({}, { silenceMs: 10 * 3_600_000 });
    const socket = socketOf(connected);
    const listed = socket.request('position/list');
    await connected.server.waitForRequests(2);
    connected.server.answer(1, 200, { 'p-ticket': 't9', 'p-time': 3600, 'p-captcha': true });
    expect(await listed).toEqual({ kind: 'captcha', error: CAPTCHA_CLOSED });
    connected.clock.advance(3_600_000);
    await barrier(connected);
    expect(connected.server.requests()).toEqual([
      'authorize\n0\n\neyJ.access.token',
      'position/list\n1\n\n',
      'barrier\n2\n\n',
    ]);
  });

  it('returns a 429 as rate-limited without retrying; one without a request id ends every request waiting', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const first = socket.request('order/list');
    await connected.server.waitForRequests(2);
    connected.server.answer(1, 429);
    const limited = {
      kind: 'rate-limited',
      error: 'order/list: rate limited by Tradovate (429); back off before retrying',
    };
    expect(await first).toEqual(limited);
    const again = socket.request('order/list');
    const other = socket.request('fill/list');
    await connected.server.waitForRequests(4);
    connected.server.send('a[{"s":429}]');
    expect(await again).toEqual(limited);
    expect(await other).toEqual({
      kind: 'rate-limited',
      error: 'fill/list: rate limited by Tradovate (429); back off before retrying',
    });
    expect(connected.server.requests()).toHaveLength(4);
  });
});

describe('pushes over a Tradovate socket', () => {
  it('hands pushes on in arrival order, across and within frames, between answers', async () => {
    const connected = await connectToMinimalServer();
    const socket = socketOf(connected);
    const props = (id: number) => ({ entityType: 'position', eventType: 'Updated', entity: { id } });
    const listed = socket.request('order/list');
    await connected.server.waitForRequests(2);
    connected.server.send(
      `a${JSON.stringify([
        { e: 'props', d: props(1) },
        { i: 1, s: 200, d: [] },
      ])}`,
    );
    connected.server.send(
      `a${JSON.stringify([
        { e: 'md', d: { quotes: [] } },
        { e: 'props', d: props(2) },
      ])}`,
    );
    connected.server.send('a[not json');
    connected.server.send(
      `a${JSON.stringify([
        { e: 'shutdown', d: { reason: 'x' } },
        { e: 'clock', d: 1 },
      ])}`,
    );
    expect(await listed).toEqual({ kind: 'ok', payload: [] });
    await vi.waitFor(() => {
      expect(connected.pushes).toHaveLength(5);
    });
    expect(connected.pushes).toEqual([
      { kind: 'push', event: 'props', payload: props(1) },
      { kind: 'push', event: 'md', payload: { quotes: [] } },
      { kind: 'push', event: 'props', payload: props(2) },
      { kind: 'push', event: 'shutdown', payload: { reason: 'x' } },
      { kind: 'push', event: 'other', name: 'clock', payload: 1 },
    ]);
    expect(connected.logger.lines).toContainEqual({
      level: 'warn',
      message: 'malformed frame from Tradovate',
      context: { error: '"a" frame is not JSON: [not json' },
    });
    expect(connected.ends).toEqual([]);
  });

  it('goes on after a push handler throws, and says so in the log', async () => {
    const connected = await connectToMinimalServer({}, {}, (push) => {
      if (push.event === 'md') throw new Error('handler bug');
    });
    connected.server.send('a[{"e":"md","d":{"quotes":[]}},{"e":"props","d":{}}]');
    await vi.waitFor(() => {
      expect(connected.pushes.map((push) => push.event)).toEqual(['md', 'props']);
    });
    expect(connected.logger.lines).toContainEqual({
      level: 'error',
      message: 'push handler failed',
      context: { event: 'md', error: 'handler bug' },
    });
    await barrier(connected);
    expect(connected.ends).toEqual([]);
  });
});
