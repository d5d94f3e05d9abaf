// Serves the built UI (dist/renderer) on 127.0.0.1 with a fake core behind /ws: the fixture state with moving
// prices pushed every 50 ms, and commands answered (orders, cancels, closes, a flatten that takes a moment).
// For looking at the UI before the real server exists: `npx tsx scripts/preview-ui.ts [--port N] [--scenario S]`;
// scenarios `plan` and `plan-stale` add prop-firm plans (one over its consistency cap) and news windows from now.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { Dec, dec } from '../shared/domain/money';
import { isCommandName, parseCommand } from '../shared/ipc';
import type {
  AlertView,
  ClientFrame,
  CommandName,
  CommandResponse,
  FlattenReport,
  ParsedCommandArgs,
  ServerFrame,
  StateView,
} from '../shared/ipc';
import {
  buildFixtureState,
  fixtureAccount,
  fixtureAlerts,
  fixtureCalendar,
  fixtureMetrics,
  fixturePlan,
} from '../test/helpers/fixture-state';

export type PreviewScenario = 'normal' | 'halted' | 'multi' | 'plan' | 'plan-stale';
export type PreviewOptions = {
  port?: number;
  dir?: string;
  /** Required as `?token=` on /ws; a wrong one is closed with 4401 like `warden serve`. */
  token?: string;
  intervalMs?: number;
  scenario?: PreviewScenario;
  /** Push a sample alert every this many ticks (default 400: every 20 s at 50 ms). */
  alertEveryTicks?: number;
  /** Replace the fixture positions with this many, each in its own quoting instrument (a fast, wide market). */
  positions?: number;
};
export type PreviewServer = { url: string; state: StateView; close(): Promise<void> };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function initialState(scenario: PreviewScenario): StateView {
  const state = buildFixtureState({ serverTime: new Date().toISOString() });
  const lockedUntil = new Date(Date.now() + 2 * 3600_000 + 754_000).toISOString();
  if (scenario === 'halted') {
    state.accounts = [
      fixtureAccount({
        tradingState: 'halted',
        lockReason: 'Daily loss limit reached (-1,000.00)',
        lockedUntil,
      }),
    ];
  }
  if (scenario === 'multi') {
    const second = fixtureAccount({
      id: 'PA-150K-7',
      name: 'PA-150K-7',
      tradingState: 'reducing',
      lockedUntil,
    });
    second.lockReason = 'Max contracts: reduce only';
    second.orders = [];
    state.accounts.push(second);
  }
  if (scenario === 'plan' || scenario === 'plan-stale') withPlans(state, scenario === 'plan-stale');
  return state;
}

/**
 * Plans and news for the `plan` scenarios: SIM-50K on the fixture's plan (412.50 left under today's cap), TS-50K-2
 * over its cap after a +700.00 day, PA-150K-7 without a plan; a window in force, NFP flattening in 12m 04s and a
 * manual ECB window; the calendar fetched 3 hours ago (or failing for 3 days with `stale`).
 */
function withPlans(state: StateView, stale: boolean): void {
  const now = Date.now();
  const first = state.accounts[0];
  if (first !== undefined) first.plan = fixturePlan();
  const over = fixtureAccount({
    id: 'TS-50K-2',
    name: 'TS-50K-2',
    positions: [],
    orders: [],
    metrics: {
      ...fixtureMetrics(),
      balance: '50465.00',
      equity: '50465.00',
      unrealizedPnl: '0.00',
      dailyRealizedPnl: '700.00',
      dailyNetPnl: '700.00',
      dailyDrawdown: '0.00',
      freeMargin: '50465.00',
    },
    plan: fixturePlan({
      todayProfit: '700.00',
      totalProfit: '1260.00',
      targetRemaining: '1740.00',
      bestDayProfit: '700.00',
      consistencyPct: '55.5556',
      consistencyCapLeft: '0.00',
      profitNeededForConsistency: '140.00',
    }),
  });
  over.limits = [
    ...over.limits,
    {
      rule: 'consistency',
      label: 'Consistency cap',
      unit: 'money',
      used: '700.00',
      limit: '560.00',
      level: 'breach',
    },
  ];
  const plain = fixtureAccount({ id: 'PA-150K-7', name: 'PA-150K-7', orders: [] });
  state.accounts.push(over, plain);
  const window = (
    title: string,
    currency: string,
    at: number,
    flatten: boolean,
    source: 'calendar' | 'manual',
  ) => ({
    title,
    currency,
    impact: 'High',
    at: new Date(at).toISOString(),
    from: new Date(at - 120_000).toISOString(),
    to: new Date(at + 120_000).toISOString(),
    flatten,
    source,
  });
  state.news = [
    window('Fed Chair Powell Speaks', 'USD', now + 30_000, true, 'calendar'),
    window('NFP', 'USD', now + 120_000 + 12 * 60_000 + 4000, true, 'calendar'),
    window('ECB Press Conference', 'EUR', now + 2 * 3600_000 + 13 * 60_000, false, 'manual'),
  ];
  state.calendar = stale
    ? fixtureCalendar({
        fetchedAt: new Date(now - 3 * 86_400_000).toISOString(),
        stale: true,
        problem: 'fetch failed: HTTP 503',
      })
    : fixtureCalendar({ fetchedAt: new Date(now - 3 * 3600_000).toISOString() });
}

/** A plan follows its account's day: today's profit, the total, what is left to the target and under the cap. */
function revaluePlan(account: StateView['accounts'][number]): void {
  const plan = account.plan;
  if (plan === null) return;
  const banked = dec(plan.totalProfit).minus(dec(plan.todayProfit));
  const today = dec(account.metrics.dailyNetPnl);
  const total = banked.plus(today);
  const floor = (d: Dec) => (d.isNegative() ? new Dec(0) : d).toFixed(2);
  plan.todayProfit = today.toFixed(2);
  plan.totalProfit = total.toFixed(2);
  if (plan.profitTarget !== null) plan.targetRemaining = floor(dec(plan.profitTarget).minus(total));
  if (plan.consistencyCapToday !== null)
    plan.consistencyCapLeft = floor(dec(plan.consistencyCapToday).minus(today));
}

const SAMPLE_ALERTS: Pick<AlertView, 'level' | 'title' | 'message'>[] = [
  { level: 'warning', title: 'Daily loss at 60% of limit', message: 'Day P&L -600.00 of -1,000.00 allowed.' },
  {
    level: 'critical',
    title: 'Daily loss at 90% of limit',
    message: 'One more loss locks the account for the day.',
  },
  { level: 'info', title: 'Daily loss back under 50%', message: 'Day P&L -420.00 of -1,000.00 allowed.' },
];

function sampleAlert(n: number): AlertView {
  const sample = SAMPLE_ALERTS[n % SAMPLE_ALERTS.length] ?? SAMPLE_ALERTS[0];
  return {
    id: `preview-${n}`,
    t: new Date().toISOString(),
    account: 'SIM-50K',
    level: 'info',
    title: '',
    message: '',
    notify: sample?.level !== 'info',
    ...sample,
  };
}

const unprotected = {
  stop: 'none',
  stopPrice: null,
  initialRisk: null,
  rMultiple: null,
  stopDueAt: null,
} as const;

/** `count` positions on the first account, alternating long and short, each in its own ES-like instrument. */
function widen(state: StateView, count: number): void {
  const account = state.accounts[0];
  if (account === undefined) return;
  account.positions = [];
  for (let i = 0; i < count; i += 1) {
    const symbol = `X${String(i).padStart(3, '0')}`;
    const price = dec(5000).plus(i * 5);
    state.instruments.push({
      symbol,
      name: `Synthetic ${symbol}`,
      tickSize: '0.25',
      tickValue: '12.50',
      currency: 'USD',
      bid: price.toFixed(2),
      ask: price.plus('0.25').toFixed(2),
      last: price.toFixed(2),
    });
    account.positions.push({
      symbol,
      contractId: `CON.F.US.${symbol}`,
      qty: i % 2 === 0 ? 1 + (i % 3) : -(1 + (i % 3)),
      avgPrice: price.toFixed(2),
      mark: price.toFixed(2),
      unrealizedPnl: '0.00',
      mfe: '0.00',
      mae: '0.00',
      openedAt: new Date().toISOString(),
      ...unprotected,
    });
  }
  revalue(state, account.id);
}

/** One random-walk step per instrument, then every position and account figure recomputed exactly. */
function moveMarket(state: StateView): void {
  for (const instrument of state.instruments) {
    const tick = dec(instrument.tickSize);
    const step = tick.times(Math.round((Math.random() - 0.5) * 3));
    const bid = dec(instrument.bid ?? '0').plus(step);
    instrument.bid = bid.toFixed(tick.decimalPlaces());
    instrument.ask = bid.plus(tick).toFixed(tick.decimalPlaces());
    instrument.last = Math.random() < 0.5 ? instrument.bid : instrument.ask;
  }
  for (const account of state.accounts) revalue(state, account.id);
  state.seq += 1;
  state.serverTime = new Date().toISOString();
}

function pointValue(state: StateView, symbol: string): Dec {
  const i = state.instruments.find((item) => item.symbol === symbol);
  return i === undefined ? new Dec(1) : dec(i.tickValue).dividedBy(dec(i.tickSize));
}

function revalue(state: StateView, accountId: string): void {
  const account = state.accounts.find((a) => a.id === accountId);
  if (account === undefined) return;
  const m = account.metrics;
  const dayStartEquity = dec(m.equity).minus(dec(m.dailyNetPnl));
  const dayPeak = dec(m.equity).plus(dec(m.dailyDrawdown));
  let unrealized = new Dec(0);
  for (const p of account.positions) {
    const mark = state.instruments.find((i) => i.symbol === p.symbol)?.last ?? p.mark;
    const pnl = dec(mark).minus(dec(p.avgPrice)).times(p.qty).times(pointValue(state, p.symbol));
    p.mark = mark;
    p.unrealizedPnl = pnl.toFixed(2);
    if (pnl.greaterThan(dec(p.mfe))) p.mfe = pnl.toFixed(2);
    if (pnl.lessThan(dec(p.mae))) p.mae = pnl.toFixed(2);
    unrealized = unrealized.plus(pnl);
  }
  const equity = dec(m.balance).plus(unrealized);
  const peak = equity.greaterThan(dayPeak) ? equity : dayPeak;
  m.unrealizedPnl = unrealized.toFixed(2);
  m.equity = equity.toFixed(2);
  m.freeMargin = m.equity;
  m.dailyNetPnl = equity.minus(dayStartEquity).toFixed(2);
  m.dailyDrawdown = peak.minus(equity).toFixed(2);
  revaluePlan(account);
}

/** Closes a position at its mark into the balance (no fees in the preview). */
function closeAt(state: StateView, accountId: string, symbol: string): boolean {
  const account = state.accounts.find((a) => a.id === accountId);
  const index = account?.positions.findIndex((p) => p.symbol === symbol) ?? -1;
  if (account === undefined || index < 0) return false;
  const [position] = account.positions.splice(index, 1);
  const pnl = dec(position?.unrealizedPnl ?? '0');
  account.metrics.balance = dec(account.metrics.balance).plus(pnl).toFixed(2);
  account.metrics.dailyRealizedPnl = dec(account.metrics.dailyRealizedPnl).plus(pnl).toFixed(2);
  revalue(state, accountId);
  return true;
}

type Answer = CommandResponse<CommandName> | Promise<CommandResponse<CommandName>>;

function withArgs<N extends CommandName>(
  name: N,
  raw: unknown,
  run: (args: ParsedCommandArgs<N>) => Answer,
): Answer {
  const parsed = parseCommand(name, raw);
  return parsed.ok ? run(parsed.args) : { ok: false, error: parsed.error };
}

function cancelOrder(state: StateView, { account, orderId }: ParsedCommandArgs<'cancelOrder'>): Answer {
  const orders = state.accounts.find((a) => a.id === account)?.orders ?? [];
  const index = orders.findIndex((o) => o.id === orderId);
  if (index < 0) return { ok: false, error: `no working order ${orderId} on ${account}` };
  orders.splice(index, 1);
  return { ok: true, result: {} };
}

function runCommand(state: StateView, frame: ClientFrame, nextOrderId: () => string): Answer {
  switch (frame.command) {
    case 'getState':
      return withArgs('getState', frame.args, () => {
        // As a core would: the time of the answer, so countdowns hold while the market stands still.
        state.serverTime = new Date().toISOString();
        return { ok: true, result: structuredClone(state) };
      });
    case 'setDemo':
      return withArgs('setDemo', frame.args, ({ enabled }) => {
        state.demo = enabled;
        return { ok: true, result: { demo: enabled } };
      });
    case 'placeOrder':
      return withArgs('placeOrder', frame.args, (args) => placeOrder(state, args, nextOrderId()));
    case 'cancelOrder':
      return withArgs('cancelOrder', frame.args, (args) => cancelOrder(state, args));
    case 'closePosition':
      return withArgs('closePosition', frame.args, ({ account, symbol }) =>
        closeAt(state, account, symbol)
          ? { ok: true, result: {} }
          : { ok: false, error: `${account} has no ${symbol} position` },
      );
    case 'flatten':
      return withArgs('flatten', frame.args, (args) => flatten(state, args));
    case 'resetLock':
      return withArgs('resetLock', frame.args, () => ({ ok: true, result: { lifted: 0 } }));
    case 'lock':
      return withArgs('lock', frame.args, ({ account }) => {
        const view = state.accounts.find((a) => a.id === account);
        if (view === undefined) return { ok: false, error: `unknown account ${account}` };
        view.tradingState = 'halted';
        view.lockReason = 'selfLock: locked by the trader';
        view.lockedUntil = new Date(Date.now() + 3_600_000).toISOString();
        return { ok: true, result: { lockedUntil: view.lockedUntil } };
      });
    case 'setConfig':
    case 'confirmDayStart':
    case 'previewConfig':
    case 'lockSettings':
    case 'getConfig':
    case 'setCredentials':
    case 'setAccountGuarded':
    case 'getHistory':
    case 'reconnect':
    case 'whatIf':
    case 'whatIfStatus':
    case 'cancelWhatIf':
    case 'setNotifySecrets':
    case 'testNotify':
    case 'detectTelegramChats':
      return { ok: false, error: `${frame.command} is not part of this preview` };
  }
}

function placeOrder(state: StateView, args: ParsedCommandArgs<'placeOrder'>, orderId: string): Answer {
  const account = state.accounts.find((a) => a.id === args.account);
  const instrument = state.instruments.find((i) => i.symbol === args.symbol);
  if (account === undefined || instrument === undefined)
    return { ok: false, error: 'unknown account or symbol' };
  if (account.tradingState === 'halted')
    return { ok: false, error: `${account.name} is halted: order refused` };
  if (args.kind !== 'market') {
    const price = { limitPrice: args.limitPrice ?? null, stopPrice: args.stopPrice ?? null };
    account.orders.push({
      id: orderId,
      symbol: args.symbol,
      side: args.side,
      kind: args.kind,
      qty: args.qty,
      ...price,
      status: 'working',
    });
    return { ok: true, result: { orderId } };
  }
  const signed = args.side === 'buy' ? args.qty : -args.qty;
  const price = (args.side === 'buy' ? instrument.ask : instrument.bid) ?? '0';
  const existing = account.positions.find((p) => p.symbol === args.symbol);
  if (existing === undefined) {
    account.positions.push({
      symbol: args.symbol,
      contractId: `CON.F.US.${args.symbol}`,
      qty: signed,
      avgPrice: price,
      mark: price,
      unrealizedPnl: '0.00',
      ...unprotected,
      mfe: '0.00',
      mae: '0.00',
      openedAt: new Date().toISOString(),
      ...unprotected,
    });
  } else if (Math.sign(existing.qty) === Math.sign(signed)) {
    const total = existing.qty + signed;
    existing.avgPrice = dec(existing.avgPrice)
      .times(existing.qty)
      .plus(dec(price).times(signed))
      .dividedBy(total)
      .toFixed(2);
    existing.qty = total;
  } else if (Math.abs(signed) >= Math.abs(existing.qty)) {
    closeAt(state, account.id, args.symbol);
  } else {
    existing.qty += signed;
  }
  account.metrics.tradesToday += 1;
  revalue(state, account.id);
  return { ok: true, result: { orderId } };
}

/** Marks the accounts as flattening for a moment (so "Flattening…" can be seen), then closes everything. */
async function flatten(
  state: StateView,
  args: ParsedCommandArgs<'flatten'>,
): Promise<CommandResponse<'flatten'>> {
  const accounts = state.accounts.filter((a) => 'all' in args || a.id === args.account);
  for (const account of accounts) account.flattening = true;
  await new Promise((done) => setTimeout(done, 900));
  const reports: FlattenReport[] = accounts.map((account) => {
    const closedPositions = account.positions.length;
    const cancelledOrders = account.orders.length;
    for (const p of [...account.positions]) closeAt(state, account.id, p.symbol);
    account.orders = [];
    account.flattening = false;
    return { account: account.id, flat: true, cancelledOrders, closedPositions, elapsedMs: 900 };
  });
  return { ok: true, result: { reports } };
}

function readFrame(text: string): ClientFrame | null {
  try {
    const value = JSON.parse(text) as Partial<ClientFrame>;
    return typeof value.id === 'number' && isCommandName(value.command)
      ? { id: value.id, command: value.command, args: value.args }
      : null;
  } catch {
    return null;
  }
}

async function serveFile(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = normalize(join(dir, path === '/' ? 'index.html' : decodeURIComponent(path)));
  if (!file.startsWith(dir + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`not found: ${path} (did you run npm run build?)`);
  }
}

export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const dir = resolve(options.dir ?? 'dist/renderer');
  const token = options.token ?? 'preview';
  const state = initialState(options.scenario ?? 'normal');
  if (options.positions !== undefined) widen(state, options.positions);
  let orders = 2000;
  let alerts = fixtureAlerts();
  const http = createServer((req, res) => void serveFile(dir, req, res));
  const wss = new WebSocketServer({ server: http, path: '/ws' });
  const send = (socket: WebSocket, frame: ServerFrame) => {
    socket.send(JSON.stringify(frame));
  };
  wss.on('connection', (socket, req) => {
    if (new URL(req.url ?? '', 'http://localhost').searchParams.get('token') !== token) {
      socket.close(4401, 'unauthorized');
      return;
    }
    send(socket, { type: 'alerts', alerts });
    socket.on('message', (data, isBinary) => {
      const frame = !isBinary && Buffer.isBuffer(data) ? readFrame(data.toString('utf8')) : null;
      if (frame === null) {
        send(socket, { type: 'error', error: 'malformed frame: expected {id, command, args}' });
        return;
      }
      void Promise.resolve(runCommand(state, frame, () => `ORD-${++orders}`)).then((response) => {
        send(socket, { type: 'response', id: frame.id, response });
      });
    });
  });
  let ticks = 0;
  const ticker = setInterval(() => {
    moveMarket(state);
    for (const client of wss.clients) send(client, { type: 'state', state });
    ticks += 1;
    if (ticks % (options.alertEveryTicks ?? 400) === 0) {
      const alert = sampleAlert(ticks);
      alerts = [alert, ...alerts].slice(0, 50);
      for (const client of wss.clients) send(client, { type: 'alert', alert });
    }
  }, options.intervalMs ?? 50);
  await new Promise<void>((done) => {
    http.listen(options.port ?? 0, '127.0.0.1', done);
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    state,
    close: async () => {
      clearInterval(ticker);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((done) => {
        wss.close(() => {
          done();
        });
      });
      await new Promise<void>((done) => {
        http.close(() => {
          done();
        });
      });
    },
  };
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startPreviewServer({
    port: Number(flag('port') ?? 4871),
    scenario: (flag('scenario') ?? 'normal') as PreviewScenario,
  });
  console.log(`Warden UI preview (fake core): ${server.url}`);
}
