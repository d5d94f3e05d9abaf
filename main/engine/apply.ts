// The engine's reducer: apply(state, event) → { state, decisions }. Pure and deterministic: time comes only
// from events, nothing here does I/O. The state is updated in place (it is the engine's own) and returned.
import type {
  AccountEvent,
  EngineEvent,
  InstrumentEvent,
  OrderEvent,
  PositionEvent,
  QuoteEvent,
} from '../../shared/domain/events';
import { Dec, ZERO } from '../../shared/domain/money';
import type { Decision } from './decisions';
import { applyConfigChange } from './config-change';
import { applyDayStart } from './day-start';
import { applyFill, openPosition } from './fills';
import { ensureAccount, rollPeriods } from './periods';
import type { AccountState, EngineState } from './state';
import { screenQuote } from './bad-ticks';
import { enforceLock, liftExpiredLocks } from './enforce-locks';
import { addLock, liftBrokerLocks } from './locks';
import { noteInitialRisk } from './initial-risk';
import {
  forgetGuard,
  holders,
  noteQuote,
  positionsChanged,
  quoteChangesNothing,
  rebuildGuard,
} from './guard';
import { evaluateRules } from './rules/evaluate';
import { evaluateGroups, rebuildLocked } from './groups/evaluate';
import { evaluateGroupsOnQuote } from './groups/on-quote';
import { timeGate, timeGateStale } from './time-gate';
import { newMarket, pointValueOf, refreshAccount } from './valuation';

export type ApplyResult = { state: EngineState; decisions: Decision[] };

/**
 * `onDecision`, when given, hears each decision as soon as it is made (a breach on a quote that moves many
 * accounts need not wait for all of them); the same decisions are returned as well.
 */
export function apply(
  state: EngineState,
  event: EngineEvent,
  onDecision?: (decision: Decision) => void,
): ApplyResult {
  const decisions: Decision[] = [];
  state.now = Math.max(state.now, event.t);
  // Time alone changes something now (a roll, a lock's end): on a quote, every group is evaluated too.
  const timed = event.type !== 'quote' || state.now >= timeGate(state);
  if (timed) {
    rollPeriods(state, state.now);
    for (const account of state.accounts.values()) {
      if (account.locks.length > 0) liftExpiredLocks(account, state.now, decisions);
    }
    timeGateStale(state);
  }
  if (event.type === 'quote') {
    let market = state.markets.get(event.symbol);
    if (market === undefined) {
      market = newMarket();
      state.markets.set(event.symbol, market);
    }
    // Each decision is told once, as soon as it is made (a held quote and its confirmer share one list).
    let told = 0;
    const tell =
      onDecision === undefined
        ? undefined
        : () => {
            for (; told < decisions.length; told += 1) onDecision(decisions[told] as Decision);
          };
    tell?.();
    for (const accepted of screenQuote(state, market, event))
      applyQuote(state, accepted, decisions, timed, tell);
    return { state, decisions };
  }
  positionsChanged(state);
  const touched = accountOf(state, event);
  const heldBefore =
    touched !== null && 'symbol' in event ? (touched.positions.get(event.symbol)?.qty ?? 0) : 0;
  update(state, event, decisions);
  if (touched !== null && 'symbol' in event) noteInitialRisk(state, touched, event.symbol);
  // A fill is the mark of a symbol not yet quoted: the other holders' guards no longer know their equity.
  if (event.type === 'fill')
    for (const holder of holders(state, event.symbol)) if (holder !== touched) forgetGuard(holder);
  for (const account of touched === null ? state.accounts.values() : [touched]) {
    if (account === touched) enforceLock(account, event, heldBefore, decisions);
    evaluateRules(state, account, event, decisions);
    rebuildGuard(state, account);
  }
  evaluateGroups(state, event, decisions);
  if (onDecision !== undefined) for (const decision of decisions) onDecision(decision);
  return { state, decisions };
}

/** The one account an event is about (its own account, or created on first sight); null for market-wide ones. */
function accountOf(state: EngineState, event: EngineEvent): AccountState | null {
  switch (event.type) {
    case 'fill':
    case 'order':
    case 'position':
      return ensureAccount(state, event.account, event.t);
    case 'account':
      return ensureAccount(state, event.account, event.t, event.balance);
    case 'selfLock':
    case 'lockReset':
    case 'settingsLock':
    case 'dayStart':
      return state.accounts.get(event.account) ?? null;
    default:
      return null;
  }
}

function update(state: EngineState, event: EngineEvent, decisions: Decision[]): void {
  switch (event.type) {
    case 'instrument':
      applyInstrument(state, event);
      break;
    case 'quote':
      break;
    case 'account':
      applyAccount(state, event);
      if (event.canTrade === true) liftBrokerLock(state, event.account, event.t, decisions);
      break;
    case 'fill': {
      const account = ensureAccount(state, event.account, event.t);
      const closed = applyFill(state, account, event);
      if (closed !== null) decisions.push({ kind: 'tradeClosed', t: event.t, trade: closed });
      refreshAccount(state, account);
      break;
    }
    case 'order':
      applyOrder(ensureAccount(state, event.account, event.t), event);
      break;
    case 'position':
      applyPosition(state, event, decisions);
      break;
    case 'connection':
      state.connection = { status: event.status, detail: event.detail ?? null };
      break;
    case 'clock':
      break;
    case 'selfLock': {
      const account = state.accounts.get(event.account);
      if (account === undefined) break;
      const until = event.until === 'dayEnd' ? account.day.end : account.week.end;
      addLock(
        account,
        'selfLock',
        { state: 'halted', until },
        `locked by the trader until the ${event.until === 'dayEnd' ? 'day' : 'week'} ends`,
        event.t,
      );
      decisions.push({
        kind: 'rule',
        t: event.t,
        account: account.id,
        rule: 'selfLock',
        level: 'breach',
        action: 'flatten',
        lock: { state: 'halted', until },
        message: 'locked by the trader',
      });
      break;
    }
    case 'configChange':
      applyConfigChange(state, event);
      break;
    case 'settingsLock': {
      const account = state.accounts.get(event.account);
      if (account !== undefined) account.settingsLockedUntil = account.day.end;
      break;
    }
    case 'dayStart': {
      const account = state.accounts.get(event.account);
      if (account !== undefined) applyDayStart(state, account, event, decisions);
      break;
    }
    case 'calendar':
      // The latest list replaces the previous one entirely (docs/RULES.md section 12).
      state.calendar = [...event.events].sort((a, b) => a.at - b.at);
      break;
    case 'lockReset': {
      // Only `manual` locks: the timed ones (rules, self-locks) cannot be lifted early (docs/RULES.md section 4).
      const account = state.accounts.get(event.account);
      if (account === undefined) break;
      for (const lock of account.locks.filter((l) => l.until === 'manual')) {
        decisions.push({ kind: 'lockLifted', t: event.t, account: account.id, rule: lock.rule });
      }
      account.locks = account.locks.filter((l) => l.until !== 'manual');
      break;
    }
  }
}

function applyInstrument(state: EngineState, event: InstrumentEvent): void {
  state.instruments.set(event.symbol, {
    symbol: event.symbol,
    name: event.name ?? event.symbol,
    tickSize: event.tickSize,
    tickValue: event.tickValue,
    pointValue: event.tickValue.dividedBy(event.tickSize),
    currency: event.currency,
    marginPerContract: event.marginPerContract ?? null,
    weight: event.weight ?? new Dec(1),
    baseCurrency: event.baseCurrency ?? null,
    quoteCurrency: event.quoteCurrency ?? null,
    underlying: event.underlying ?? event.symbol,
  });
  if (!state.markets.has(event.symbol)) state.markets.set(event.symbol, newMarket());
}

/**
 * A quote: the hot path. Only accounts holding the symbol are valued, and one whose guard shows the quote
 * changes nothing is skipped; the others are refreshed and their rules evaluated exactly.
 */
function applyQuote(
  state: EngineState,
  event: QuoteEvent,
  decisions: Decision[],
  timed: boolean,
  tell?: () => void,
): void {
  const market = state.markets.get(event.symbol) ?? newMarket();
  state.markets.set(event.symbol, market);
  if (event.bid !== undefined) market.bid = event.bid;
  if (event.ask !== undefined) market.ask = event.ask;
  if (event.last !== undefined) market.last = event.last;
  market.quoteAt = event.t;
  noteQuote(market, event.bid, event.ask, event.last);
  const evaluated: AccountState[] = [];
  for (const account of holders(state, event.symbol)) {
    if (quoteChangesNothing(state, account, event.symbol, event.t)) continue;
    refreshAccount(state, account);
    evaluateRules(state, account, event, decisions, tell);
    evaluated.push(account);
  }
  // The groups after the accounts they hold (docs/RULES.md section 10), then the guards of everyone judged:
  // rebuilding them can wait, a breach cannot.
  const locked =
    state.config.groups === undefined
      ? null
      : evaluateGroupsOnQuote(state, event, evaluated, timed, decisions, tell);
  for (const account of evaluated) rebuildGuard(state, account);
  if (locked !== null) rebuildLocked(state, locked);
  if (evaluated.length > 0) timeGateStale(state);
}

function applyAccount(state: EngineState, event: AccountEvent): void {
  const account = ensureAccount(state, event.account, event.t, event.balance);
  // The first report has no books of the engine's to be compared with: its lead is not known.
  account.reportAhead = account.balanceReportedAt === null ? null : event.balance.minus(account.balance);
  account.balance = event.balance;
  account.balanceReportedAt = event.t;
  if (event.name !== undefined) account.name = event.name;
  if (event.canTrade !== undefined) account.canTrade = event.canTrade;
  if (event.usedMargin !== undefined) account.brokerUsedMargin = event.usedMargin;
  refreshAccount(state, account);
}

/** The broker allows trading again: the brokerLock rule's lock ends (docs/RULES.md section 6). */
function liftBrokerLock(state: EngineState, id: string, t: number, decisions: Decision[]): void {
  const account = ensureAccount(state, id, t);
  const lifted = account.locks.filter((lock) => lock.until === 'brokerAllows');
  liftBrokerLocks(account);
  for (const lock of lifted) decisions.push({ kind: 'lockLifted', t, account: id, rule: lock.rule });
}

function applyOrder(account: AccountState, event: OrderEvent): void {
  if (event.status !== 'working') {
    account.orders.delete(event.id);
    return;
  }
  const existing = account.orders.get(event.id);
  account.orders.set(event.id, {
    id: event.id,
    symbol: event.symbol,
    side: event.side,
    kind: event.kind,
    qty: event.qty - (event.filledQty ?? 0),
    status: event.status,
    limitPrice: event.limitPrice ?? null,
    stopPrice: event.stopPrice ?? null,
    tag: event.tag ?? null,
    placedAt: existing?.placedAt ?? event.t,
  });
}

/**
 * The broker's position is the truth: when the quantity derived from fills disagrees (a missed fill), take the
 * broker's quantity and average price and say so.
 */
function applyPosition(state: EngineState, event: PositionEvent, decisions: Decision[]): void {
  const account = ensureAccount(state, event.account, event.t);
  const derived = account.positions.get(event.symbol);
  const derivedQty = derived?.qty ?? 0;
  // Quantities decide: brokers round their average prices, so a differing average alone is not a missed fill.
  if (derivedQty === event.qty) return;
  decisions.push({
    kind: 'positionCorrected',
    t: event.t,
    account: account.id,
    symbol: event.symbol,
    derivedQty,
    brokerQty: event.qty,
  });
  if (event.qty === 0) {
    account.positions.delete(event.symbol);
  } else if (derived === undefined) {
    const pointValue = pointValueOf(state, event.symbol);
    account.positions.set(
      event.symbol,
      openPosition(event.symbol, event.qty, event.avgPrice, pointValue, event.t, ZERO),
    );
  } else {
    derived.qty = event.qty;
    derived.cost = event.avgPrice.times(Math.abs(event.qty)).times(pointValueOf(state, event.symbol));
    derived.avgPrice = event.avgPrice;
  }
  refreshAccount(state, account);
}
