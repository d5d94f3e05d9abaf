// Schema 2: risk events, the audit of what happened to the guard itself rather than to an order (circuit-breaker
// transitions, config changes, settings locks), each with its details as JSON.
import type { Migration } from '../migrate';

export const riskEvents: Migration = {
  version: 2,
  name: 'risk-events',
  up(db) {
    db.exec(`
      CREATE TABLE risk_events (
        id INTEGER PRIMARY KEY,
        t INTEGER NOT NULL,
        account TEXT,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL
      ) STRICT;
      CREATE INDEX risk_events_t ON risk_events (t);
      CREATE INDEX risk_events_account_t ON risk_events (account, t);
    `);
  },
};
