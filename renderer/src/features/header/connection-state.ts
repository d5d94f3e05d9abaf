// What the broker connection means for the trader, from the core's status and the adapter's detail: one of a few
// plain states, a short label, and the reason when there is one. The adapter's words are matched here only.
import type { StateView } from '../../../../shared/ipc';

export type ConnectionKind =
  'connected' | 'connecting' | 'reconnecting' | 'notConnected' | 'loginFailed' | 'noMarketData';

export type ConnectionState = {
  kind: ConnectionKind;
  label: string;
  /** Why, when the broker said; null when there is nothing to add. */
  reason: string | null;
  tone: 'ok' | 'warn' | 'bad';
};

const LABELS: Record<ConnectionKind, string> = {
  connected: 'connected',
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  notConnected: 'not connected',
  loginFailed: 'login failed',
  noMarketData: 'market data not entitled',
};

export function connectionState(connection: StateView['connection']): ConnectionState {
  const { status, detail } = connection;
  const make = (kind: ConnectionKind, reason: string | null, tone: ConnectionState['tone']) => ({
    kind,
    label: LABELS[kind],
    reason,
    tone,
  });
  switch (status) {
    case 'connected':
      if (detail === null) return make('connected', null, 'ok');
      // The header's P&L-source chip says this (and how fresh): not said twice.
      if (detail.startsWith('P&L from broker snapshots')) return make('connected', null, 'ok');
      if (detail.startsWith('market data not entitled'))
        return make('noMarketData', 'open P&L will not move: the market hub refused the login', 'warn');
      return make('connected', detail, 'warn');
    case 'connecting':
      return make('connecting', detail, 'warn');
    case 'reconnecting':
      return make('reconnecting', strip(detail, 'reconnecting: '), 'warn');
    case 'disconnected': {
      const login = detail === null ? null : /^login failed \((.*)\)$/s.exec(detail);
      if (login !== null) return make('loginFailed', login[1] ?? null, 'bad');
      return make('notConnected', strip(detail, 'not connected: '), 'bad');
    }
  }
}

function strip(detail: string | null, prefix: string): string | null {
  if (detail === null) return null;
  return detail.startsWith(prefix) ? detail.slice(prefix.length) : detail;
}
