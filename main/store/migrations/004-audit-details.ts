// Schema 4: the audit's details. An alert about a rule's level change keeps the rule, the level entered, the
// measured value, the rule's limit and that level's threshold; a closed trade keeps its initial risk and R
// multiple. All added as nullable columns (exact decimal text): rows from before have none.
import type { Migration } from '../migrate';

export const auditDetails: Migration = {
  version: 4,
  name: 'audit-details',
  up(db) {
    db.exec(`
      ALTER TABLE alerts ADD COLUMN rule TEXT;
      ALTER TABLE alerts ADD COLUMN rule_level TEXT CHECK (rule_level IN ('warning', 'critical', 'breach'));
      ALTER TABLE alerts ADD COLUMN metric_value TEXT;
      ALTER TABLE alerts ADD COLUMN metric_limit TEXT;
      ALTER TABLE alerts ADD COLUMN threshold TEXT;

      ALTER TABLE closed_trades ADD COLUMN initial_risk TEXT;
      ALTER TABLE closed_trades ADD COLUMN r_multiple TEXT;
    `);
  },
};
