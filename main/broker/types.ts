// The one interface every broker adapter (sim, projectx) implements: normalized events out, commands in.
import type { BrokerEvent, OrderKind, Side } from '../../shared/domain/events';
import type { Dec } from '../../shared/domain/money';

export type PlaceOrder = {
  type: 'placeOrder';
  account: string;
  symbol: string;
  side: Side;
  qty: number;
  kind: OrderKind;
  limitPrice?: Dec;
  stopPrice?: Dec;
  /** Protective bracket placed once the entry fills (one-cancels-other). */
  stopLossPrice?: Dec;
  takeProfitPrice?: Dec;
  tag?: string;
};

export type CancelOrder = { type: 'cancelOrder'; account: string; orderId: string };

/** Close a position at market: all of it, or `qty` contracts of it (a partial close). */
export type ClosePosition = { type: 'closePosition'; account: string; symbol: string; qty?: number };

export type BrokerCommand = PlaceOrder | CancelOrder | ClosePosition;

/** What the broker said to a command. A refusal carries the broker's reason in words a trader can act on. */
export type CommandResult = { ok: true; orderId?: string } | { ok: false; error: string };

export type BrokerKind = 'sim' | 'projectx';

/** Where the engine's picture ends: the adapter replays fills from here on (the engine de-duplicates by id). */
export type ResumePoint = { lastFillAt: number | null };

export type BrokerAdapter = {
  readonly kind: BrokerKind;
  /**
   * Connects and starts the feed. Every (re)connect first emits the broker's full snapshot (instruments,
   * accounts, open positions, working orders, fills at or after `resume.lastFillAt`) so the picture is
   * reconciled, then a `connection` event with status `connected`.
   */
  start(emit: (event: BrokerEvent) => void, resume: ResumePoint): Promise<void>;
  execute(command: BrokerCommand): Promise<CommandResult>;
  stop(): Promise<void>;
};

/** A broker that can trade by itself to keep the screen alive (the simulator's demo mode). */
export type DemoCapable = { setDemo(enabled: boolean): void; readonly demo: boolean };
